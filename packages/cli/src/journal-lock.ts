import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { UsageError } from "./exit-codes.js";

/** Who holds a journal: the process, and when it started (a pid alone can be reused). */
interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux `/proc/<pid>/stat`), if known. */
  start?: number;
  /** Tells this lock from any other lock file with the same pid. */
  nonce: string;
}

/** A process's start time, from `/proc/<pid>/stat` (field 22), or undefined off Linux. */
function startOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // The pid is taken; by the same process only if it started at the same time.
  const start = startOf(owner.pid);
  return owner.start === undefined || start === undefined || start === owner.start;
}

function readOwner(path: string): { text: string; owner: LockOwner | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: Number.isSafeInteger(owner.pid) ? owner : undefined };
  } catch {
    return { text, owner: undefined };
  }
}

export interface JournalLock {
  /** Removes the lock file, if it is still this process's. */
  release(): void;
  /** Whether a lock left by a process that is gone was taken over. */
  tookOver?: { pid: number };
}

/**
 * Takes the lock of a journal: the file `<journal>.lock`, created atomically (written aside, then hard-linked in place) with this
 * process's pid and start time. A lock whose process is alive refuses the run at once (exit 2,
 * naming the pid). A lock whose process is gone (or whose pid now belongs to a process that
 * started later) is stale and taken over: it is renamed away under a name of this process's
 * (only one taker can rename a given file), checked to be the stale lock that was judged, and the
 * lock is created again the same atomic way; so two processes racing for a stale lock cannot both win.
 */
export function lockJournal(journalPath: string, displayName = journalPath): JournalLock {
  const path = `${journalPath}.lock`;
  const mine: LockOwner = {
    pid: process.pid,
    ...(startOf(process.pid) === undefined ? {} : { start: startOf(process.pid) }),
    nonce: randomUUID(),
  };
  const text = JSON.stringify(mine);
  let tookOver: { pid: number } | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written aside, then linked in place: the lock appears whole (never empty) or not at all.
    const draft = `${path}.${mine.nonce}`;
    writeFileSync(draft, text, { flag: "wx" });
    try {
      linkSync(draft, path);
      return {
        ...(tookOver ? { tookOver } : {}),
        release() {
          if (readOwner(path)?.text === text) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
    const held = readOwner(path);
    if (!held) continue; // released meanwhile: try again
    if (held.owner && isAlive(held.owner)) {
      throw new UsageError(
        `the journal ${displayName} is in use by another campaignkit apply (pid ${held.owner.pid}): wait for it to end, or stop it`,
      );
    }
    const aside = `${path}.stale.${mine.nonce}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // another taker was first
      throw error;
    }
    if (readFileSync(aside, "utf8") !== held.text) {
      // Between the read and the rename, another process took the stale lock over: put its
      // lock back (link fails if yet another one exists) and look again.
      try {
        linkSync(aside, path);
      } catch {}
      unlinkSync(aside);
      continue;
    }
    unlinkSync(aside);
    if (held.owner) tookOver = { pid: held.owner.pid };
  }
  throw new UsageError(`the journal ${displayName} is locked and the lock could not be taken`);
}
