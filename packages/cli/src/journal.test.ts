import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  JournalWriteError,
  JournalWriter,
  loadJournal,
  readJournal,
  repairJournal,
  resumeStateOf,
} from "./journal.js";
import { recordRedactor } from "./journal-redact.js";

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

  it("an absent journal is an empty state", async () => {
    const { state } = await loadJournal(join(dir, "missing.journal"));
    expect(state.outcomes.size + state.interrupted.size).toBe(0);
  });

  it("a resume drops the record a kill cut, so the next record starts a line of its own", async () => {
    const path = join(dir, "cut.journal");
    const whole = JSON.stringify({ type: "outcome", line: 1, outcome: "applied", at });
    writeFileSync(path, `${whole}\n{"type":"started","li`);
    const loaded = await loadJournal(path);
    expect(loaded.state.outcomes.size).toBe(1);
    expect(loaded.completeBytes).toBe(whole.length + 1);
    expect(repairJournal(path, loaded)).toBe(true);
    const journal = new JournalWriter(path);
    await journal.append({ type: "started", line: 2, vendor: "altur", id: "2", at });
    await journal.close();
    const again = await loadJournal(path);
    expect([...again.state.interrupted]).toEqual([2]);
    expect(again.size).toBe(again.completeBytes);
    expect(repairJournal(path, again)).toBe(false);
  });

  it("reads a journal larger than one read chunk, record by record", async () => {
    const path = join(dir, "big.journal");
    const records = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        type: "outcome",
        line: i + 1,
        outcome: "applied",
        message: "x".repeat(40),
        at,
      }),
    );
    writeFileSync(path, `${records.join("\n")}\n`);
    const loaded = await loadJournal(path);
    expect(loaded.state.outcomes.size).toBe(3000);
    expect(loaded.completeBytes).toBe(loaded.size);
  });

  it("refuses a broken record that is not the last", async () => {
    const path = join(dir, "broken.journal");
    const whole = JSON.stringify({ type: "outcome", line: 1, outcome: "applied", at });
    writeFileSync(path, `{"type":"star\n${whole}\n`);
    await expect(loadJournal(path)).rejects.toThrow(/journal line 1 is not valid JSON/);
  });

  it("once a write fails, that append and every later one reject, and nothing more is written", async () => {
    const path = join(dir, "full.journal");
    let syncs = 0;
    const writes: string[] = [];
    const journal = new JournalWriter(path, {
      io: {
        async write(_fd, buffer, offset, length) {
          writes.push(buffer.subarray(offset, offset + length).toString());
          return { bytesWritten: length };
        },
        async fsync() {
          if (++syncs > 1) throw Object.assign(new Error("i/o error"), { code: "EIO" });
        },
      },
    });
    await journal.append({ type: "started", line: 1, vendor: "altur", id: "1", at });
    await expect(
      journal.append({ type: "started", line: 2, vendor: "altur", id: "2", at }),
    ).rejects.toBeInstanceOf(JournalWriteError);
    await expect(
      journal.append({ type: "started", line: 3, vendor: "altur", id: "3", at }),
    ).rejects.toBeInstanceOf(JournalWriteError);
    expect(journal.failure?.message).toMatch(/could not be written \(EIO\)/);
    expect(writes).toHaveLength(2); // nothing written after the failed one
    await journal.close();
  });

  it("scrubs credentials from every record, in every encoding", async () => {
    const key = "ck-canary-a/b+c=d";
    const path = join(dir, "redacted.journal");
    const journal = new JournalWriter(path, { redact: recordRedactor([key]) });
    const echoes = [
      key,
      encodeURIComponent(key),
      new URLSearchParams({ k: key }).toString().slice(2),
      key.replaceAll("/", "\\/"),
    ];
    await journal.append({
      type: "outcome",
      line: 1,
      outcome: "rejected",
      code: "VENDOR",
      message: `echoed: ${echoes.join(" | ")}`,
      at,
    });
    await journal.close();
    const text = readFileSync(path, "utf8");
    expect(text).toContain("REDACTED");
    expect(text).not.toContain("ck-canary");
  });
});
