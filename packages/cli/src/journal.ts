import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";

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

/** An append-only JSONL journal; each record is written with one call and fsync'd. */
export class JournalWriter {
  readonly #fd: number;

  constructor(readonly path: string) {
    this.#fd = openSync(path, "a");
  }

  append(record: JournalRecord): void {
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
