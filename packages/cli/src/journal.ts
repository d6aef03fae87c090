import { closeSync, existsSync, fsync, openSync, readFileSync, write } from "node:fs";
import { promisify } from "node:util";

export type Outcome = "applied" | "unchanged" | "rejected";

/** The first record of every run on a journal: which file (by content hash) it belongs to. */
export interface RunRecord {
  type: "run";
  file: string;
  sha256: string;
  lines: number;
  resumed: boolean;
  at: string;
}

/** Written, and synced to disk, before a line's first write request. */
export interface StartedRecord {
  type: "started";
  line: number;
  vendor: string;
  id: string;
  at: string;
}

/** Written, and synced to disk, once a line has its outcome. */
export interface OutcomeRecord {
  type: "outcome";
  line: number;
  vendor?: string;
  id?: string;
  outcome: Outcome;
  code?: string;
  field?: string;
  message?: string;
  at: string;
}

export type JournalRecord = RunRecord | StartedRecord | OutcomeRecord;

/** What an earlier run left: the outcome of each line it finished, and lines it left mid-write. */
export interface ResumeState {
  /** The hash of the file the journal was written for (the first run's). */
  sha256: string | undefined;
  outcomes: Map<number, OutcomeRecord>;
  /** Lines with a `started` record and no outcome: killed between the write and its outcome. */
  interrupted: Set<number>;
}

/**
 * Reads a journal. A last line cut short by a crash is ignored (its record was never complete,
 * so nothing relied on it); any other unreadable line is an error.
 */
export function readJournal(text: string): JournalRecord[] {
  const lines = text.split("\n");
  const records: JournalRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch (error) {
      const last = lines.slice(index + 1).every((rest) => rest.trim() === "");
      if (!last) throw new Error(`journal line ${index + 1} is not valid JSON`, { cause: error });
    }
  });
  return records;
}

/** The state to resume from, by replaying a journal's records in order. */
export function resumeStateOf(records: readonly JournalRecord[]): ResumeState {
  const state: ResumeState = { sha256: undefined, outcomes: new Map(), interrupted: new Set() };
  for (const record of records) {
    if (record.type === "run") state.sha256 ??= record.sha256;
    else if (record.type === "started") {
      if (!state.outcomes.has(record.line)) state.interrupted.add(record.line);
    } else if (record.type === "outcome") {
      state.outcomes.set(record.line, record);
      state.interrupted.delete(record.line);
    }
  }
  return state;
}

/** Loads the resume state of a journal file, or an empty one when there is none. */
export function loadResumeState(path: string): ResumeState {
  if (!existsSync(path)) return resumeStateOf([]);
  return resumeStateOf(readJournal(readFileSync(path, "utf8")));
}

const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);

/**
 * An append-only JSONL journal with group commit: `append` resolves once its record is written
 * and fsync'd; records appended while a sync is running go out together in the next one. So a
 * line's write is sent only after its `started` record is on disk, without one sync per record
 * holding up every other line.
 */
export class JournalWriter {
  readonly #fd: number;
  #pending: { text: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  constructor(readonly path: string) {
    this.#fd = openSync(path, "a");
  }

  append(record: JournalRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ text: `${JSON.stringify(record)}\n`, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        await writeAsync(this.#fd, batch.map((entry) => entry.text).join(""));
        await fsyncAsync(this.#fd);
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#flushing = undefined;
  }

  /** Waits for every appended record to be on disk, then closes the file. */
  async close(): Promise<void> {
    await this.#flushing;
    closeSync(this.#fd);
  }
}
