import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "./exit-codes.js";
import { lockJournal } from "./journal-lock.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("lockJournal", () => {
  it("refuses a second lock while the first is held, naming its pid, and frees it on release", () => {
    const journal = join(dir, "a.journal");
    const lock = lockJournal(journal);
    let refusal: unknown;
    try {
      lockJournal(journal);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UsageError);
    expect((refusal as Error).message).toContain(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(`${journal}.lock`)).toBe(false);
    lockJournal(journal).release();
  });

  it("takes over a lock whose process is gone", () => {
    const journal = join(dir, "b.journal");
    const pid = deadPid();
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid, nonce: "old" }));
    const lock = lockJournal(journal);
    expect(lock.tookOver).toEqual({ pid });
    lock.release();
    expect(readdirSync(dir).filter((name) => name.startsWith("b.journal"))).toEqual([]);
  });

  it("takes over a lock whose pid now belongs to a process that started later (pid reuse)", () => {
    const journal = join(dir, "c.journal");
    // This process is alive, but it is not the one that wrote the lock: its start differs.
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: process.pid, start: 1, nonce: "old" }));
    const lock = lockJournal(journal);
    expect(lock.tookOver).toEqual({ pid: process.pid });
    lock.release();
  });

  it("takes over an unreadable lock (a write cut short)", () => {
    const journal = join(dir, "d.journal");
    writeFileSync(`${journal}.lock`, '{"pid":12');
    const lock = lockJournal(journal);
    expect(existsSync(`${journal}.lock`)).toBe(true);
    lock.release();
  });

  it("does not remove a lock that is no longer its own", () => {
    const journal = join(dir, "e.journal");
    const lock = lockJournal(journal);
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: process.pid, nonce: "another" }));
    lock.release();
    expect(existsSync(`${journal}.lock`)).toBe(true);
  });
});
