import {
  closeSync,
  createReadStream,
  existsSync,
  fstatSync,
  fsync,
  ftruncateSync,
  openSync,
  truncateSync,
  write,
} from "node:fs";
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
  /** The vendor account the line named (absent: the default one). */
  account?: string;
  id: string;
  /** The request id the line's requests carry (core's `CallOptions.requestId`): the vendor call's logs, hooks and errors name it. */
  requestId?: string;
  at: string;
}

/** Written, and synced to disk, once a line has its outcome. */
export interface OutcomeRecord {
  type: "outcome";
  line: number;
  vendor?: string;
  /** The vendor account the line named (absent: the default one). */
  account?: string;
  id?: string;
  outcome: Outcome;
  code?: string;
  field?: string;
  message?: string;
  /** The request id of the line's calls (absent for a line rejected before any request). */
  requestId?: string;
  /** The vendor's own request id, when its answer carried a documented one. */
  vendorRequestId?: string;
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
  replay(state, records);
  return state;
}

/** What `loadJournal` found: the state to resume from, and where the complete records end. */
export interface LoadedJournal {
  state: ResumeState;
  /** Bytes of the file up to the end of its last complete record. */
  completeBytes: number;
  /** The file's size: more than `completeBytes` when a kill cut its last record. */
  size: number;
}

const NEWLINE = 0x0a;

/**
 * Reads a journal file record by record (its size does not matter), replaying it into the
 * state to resume from. A last record cut short by a kill (no newline, or not valid JSON) is
 * left out; any other unreadable line is an error.
 */
export async function loadJournal(path: string): Promise<LoadedJournal> {
  const records: JournalRecord[] = [];
  const state: ResumeState = { sha256: undefined, outcomes: new Map(), interrupted: new Set() };
  if (!existsSync(path)) return { state, completeBytes: 0, size: 0 };
  let completeBytes = 0;
  let offset = 0;
  let lineNumber = 0;
  let rest: Buffer = Buffer.alloc(0);
  let bad: { line: number; error: unknown } | undefined;
  const take = (line: Buffer, end: number) => {
    lineNumber++;
    if (bad) throw new Error(`journal line ${bad.line} is not valid JSON`, { cause: bad.error });
    const text = line.toString("utf8");
    if (text.trim() !== "") {
      try {
        records.push(JSON.parse(text) as JournalRecord);
      } catch (error) {
        bad = { line: lineNumber, error };
        return;
      }
    }
    completeBytes = end;
    replay(state, records.splice(0));
  };
  for await (const chunk of createReadStream(path)) {
    let buffer = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let base = offset - rest.length;
    for (let newline = buffer.indexOf(NEWLINE); newline !== -1; newline = buffer.indexOf(NEWLINE)) {
      take(buffer.subarray(0, newline), base + newline + 1);
      base += newline + 1;
      buffer = buffer.subarray(newline + 1);
    }
    rest = Buffer.from(buffer);
    offset += (chunk as Buffer).length;
  }
  if (bad && rest.length > 0) {
    throw new Error(`journal line ${bad.line} is not valid JSON`, { cause: bad.error });
  }
  return { state, completeBytes, size: offset };
}

function replay(state: ResumeState, records: readonly JournalRecord[]): void {
  for (const record of records) {
    if (record.type === "run") state.sha256 ??= record.sha256;
    else if (record.type === "started") {
      if (!state.outcomes.has(record.line)) state.interrupted.add(record.line);
    } else if (record.type === "outcome") {
      state.outcomes.set(record.line, record);
      state.interrupted.delete(record.line);
    }
  }
}

/** Drops a record a kill cut short, so that the next record starts on a line of its own. */
export function repairJournal(path: string, loaded: LoadedJournal): boolean {
  if (loaded.size <= loaded.completeBytes) return false;
  truncateSync(path, loaded.completeBytes);
  return true;
}

/** A journal record could not be written or synced: the run stops before any further request. */
export class JournalWriteError extends Error {
  override readonly name = "JournalWriteError";
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    super(
      `the journal ${path} could not be written (${code ?? (cause instanceof Error ? cause.message : String(cause))})`,
      { cause },
    );
  }
}

/** The two file operations the writer uses; replaceable to test their failure anywhere. */
export interface JournalIo {
  write(
    fd: number,
    buffer: Buffer,
    offset: number,
    length: number,
  ): Promise<{ bytesWritten: number }>;
  fsync(fd: number): Promise<void>;
}

export interface JournalWriterOptions {
  /** Applied to each record, and to its JSON text, before it is written (credential scrubbing). */
  redact?: <T>(value: T) => T;
  io?: JournalIo;
}

const FILE_IO: JournalIo = { write: promisify(write), fsync: promisify(fsync) };

/**
 * An append-only JSONL journal with group commit: `append` resolves once its record is written
 * and fsync'd; records appended while a sync is running go out together in the next one. So a
 * line's write is sent only after its `started` record is on disk, without one sync per record
 * holding up every other line. Once a write or sync fails, the writer is broken: that append and
 * every later one reject with the same `JournalWriteError` (nothing after a failed record is
 * trusted to be on disk).
 */
export class JournalWriter {
  readonly #fd: number;
  readonly #redact: <T>(value: T) => T;
  readonly #io: JournalIo;
  #pending: { text: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;
  #failure: JournalWriteError | undefined;
  /** Bytes on disk and synced: where the file is cut back to when a write fails. */
  #size: number;

  constructor(
    readonly path: string,
    options: JournalWriterOptions = {},
  ) {
    this.#redact = options.redact ?? ((value) => value);
    this.#io = options.io ?? FILE_IO;
    this.#fd = openSync(path, "a");
    this.#size = fstatSync(this.#fd).size;
  }

  /** The failure that broke the writer, if any. */
  get failure(): JournalWriteError | undefined {
    return this.#failure;
  }

  append(record: JournalRecord): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const text = `${this.#redact(JSON.stringify(this.#redact(record)))}\n`;
    return new Promise((resolve, reject) => {
      this.#pending.push({ text, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        if (this.#failure) throw this.#failure;
        const bytes = Buffer.from(batch.map((entry) => entry.text).join(""));
        for (let done = 0; done < bytes.length; ) {
          done += (await this.#io.write(this.#fd, bytes, done, bytes.length - done)).bytesWritten;
        }
        await this.#io.fsync(this.#fd);
        this.#size += bytes.length;
        for (const entry of batch) entry.resolve();
      } catch (error) {
        // A full disk may have taken part of the batch: cut it off, so the journal stays whole
        // (if that fails too, the next --resume drops the cut record).
        try {
          if (!this.#failure) ftruncateSync(this.#fd, this.#size);
        } catch {}
        this.#failure ??=
          error instanceof JournalWriteError ? error : new JournalWriteError(this.path, error);
        for (const entry of batch) entry.reject(this.#failure);
      }
    }
    this.#flushing = undefined;
  }

  /** Waits for every appended record to be on disk (or to fail), then closes the file. */
  async close(): Promise<void> {
    await this.#flushing;
    closeSync(this.#fd);
  }
}
