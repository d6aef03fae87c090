import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JournalWriter, loadResumeState, readJournal, resumeStateOf } from "./journal.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = "2026-01-01T00:00:00.000Z";

describe("journal", () => {
  it("appends records that read back in order", async () => {
    const path = join(dir, "a.journal");
    const journal = new JournalWriter(path);
    await journal.append({
      type: "run",
      file: "x.jsonl",
      sha256: "abc",
      lines: 3,
      resumed: false,
      at,
    });
    await journal.append({ type: "started", line: 1, vendor: "altur", id: "1", at });
    await journal.append({
      type: "outcome",
      line: 1,
      vendor: "altur",
      id: "1",
      outcome: "applied",
      at,
    });
    await journal.close();
    const records = readJournal(readFileSync(path, "utf8"));
    expect(records.map((record) => record.type)).toEqual(["run", "started", "outcome"]);
  });

  it("has a record on disk when its append resolves, and groups records appended together", async () => {
    const path = join(dir, "b.journal");
    const journal = new JournalWriter(path);
    const appends = Array.from({ length: 50 }, (_, i) =>
      journal.append({ type: "started", line: i + 1, vendor: "altur", id: String(i), at }),
    );
    await appends[0];
    expect(readJournal(readFileSync(path, "utf8")).length).toBeGreaterThan(0);
    await Promise.all(appends);
    expect(
      readJournal(readFileSync(path, "utf8")).map((r) => (r as { line: number }).line),
    ).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await journal.close();
  });

  it("resumes: lines with an outcome are done, started-only lines are interrupted", () => {
    const state = resumeStateOf([
      { type: "run", file: "x", sha256: "first", lines: 4, resumed: false, at },
      { type: "started", line: 1, vendor: "altur", id: "1", at },
      { type: "started", line: 2, vendor: "altur", id: "2", at },
      { type: "outcome", line: 1, vendor: "altur", id: "1", outcome: "applied", at },
      { type: "outcome", line: 3, outcome: "rejected", code: "VALIDATION", message: "bad", at },
      { type: "run", file: "x", sha256: "second", lines: 4, resumed: true, at },
      { type: "started", line: 4, vendor: "voxo", id: "9", at },
    ]);
    expect(state.sha256).toBe("first");
    expect([...state.outcomes.keys()].sort()).toEqual([1, 3]);
    expect([...state.interrupted].sort()).toEqual([2, 4]);
  });

  it("a later outcome settles an interrupted line", () => {
    const state = resumeStateOf([
      { type: "started", line: 2, vendor: "altur", id: "2", at },
      { type: "outcome", line: 2, vendor: "altur", id: "2", outcome: "unchanged", at },
    ]);
    expect(state.interrupted.size).toBe(0);
    expect(state.outcomes.get(2)?.outcome).toBe("unchanged");
  });

  it("ignores a last record cut short by a kill, but not a broken one in the middle", () => {
    const whole = JSON.stringify({ type: "outcome", line: 1, outcome: "applied", at });
    expect(readJournal(`${whole}\n{"type":"star`)).toHaveLength(1);
    expect(() => readJournal(`{"type":"star\n${whole}\n`)).toThrow(/journal line 1/);
  });

  it("an absent journal is an empty state", () => {
    const state = loadResumeState(join(dir, "missing.journal"));
    expect(state.outcomes.size + state.interrupted.size).toBe(0);
  });
});
