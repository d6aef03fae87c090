import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { PATCH_FIELDS } from "@campaignkit/core";
import { CsvError, parse as parseCsvText } from "csv-parse/sync";
import { UsageError } from "./exit-codes.js";
import { checkFieldPath, parseFieldValue, setPath } from "./set-parser.js";
import { vendorFieldOf, vendorFieldPath, vendorFieldValue } from "./vendor-field.js";
import { isVendor, VENDORS } from "./vendor-loader.js";

/** One input line as read, before its patch is validated. */
export interface RawChange {
  /** 1-based line of the file. */
  line: number;
  vendor: string;
  id: string;
  /** The vendor account the line is for (`account` key or column); absent: the default one. */
  account?: string;
  /** The patch object as given, validated later by core's `parseCampaignPatch`. */
  patch?: unknown;
  action?: "pause" | "resume";
}

/** A line refused before anything is sent. */
export interface LineRejection {
  line: number;
  vendor?: string;
  account?: string;
  id?: string;
  code: string;
  field?: string;
  message: string;
}

export type ReadLine = { ok: true; change: RawChange } | { ok: false; rejection: LineRejection };

export type ChangesFormat = "jsonl" | "csv";

/** The format of a changes file, from its extension. */
export function formatOf(path: string): ChangesFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  if (extension === ".csv") return "csv";
  throw new UsageError(`${path}: a changes file ends in .jsonl (or .ndjson) or .csv`);
}

/**
 * The format of a changes text from its first non-blank character: `{` is JSONL, anything else
 * CSV (a header line). `undefined` when the text holds only blanks.
 */
export function sniffFormat(start: string): ChangesFormat | undefined {
  const first = /[^\s\uFEFF]/.exec(start)?.[0];
  if (first === undefined) return undefined;
  return first === "{" ? "jsonl" : "csv";
}

/** `--format`'s value, checked. */
export function formatFlag(value: string | undefined): ChangesFormat | undefined {
  if (value === undefined) return undefined;
  if (value === "jsonl" || value === "csv") return value;
  throw new UsageError(`apply: --format must be jsonl or csv, got "${value}"`);
}

const reject = (
  line: number,
  field: string | undefined,
  message: string,
  who: { vendor?: string; id?: string } = {},
): ReadLine => ({
  ok: false,
  rejection: { line, ...who, code: "VALIDATION", ...(field ? { field } : {}), message },
});

const ACTIONS = new Set(["pause", "resume"]);
const JSONL_KEYS = new Set(["vendor", "id", "account", "patch", "action"]);
const ACCOUNT_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The line's account: absent or empty for the default one; else a name as in the config. */
function withAccount(line: number, who: RawChange, account: unknown): ReadLine | RawChange {
  if (account === undefined || account === "") return who;
  if (typeof account !== "string" || !ACCOUNT_NAME.test(account)) {
    return reject(
      line,
      "account",
      "account must be an account name (1–32 characters: a-z, 0-9, _ and -)",
      who,
    );
  }
  return { ...who, account };
}

function checkWho(line: number, vendor: unknown, id: unknown): ReadLine | RawChange {
  const who = {
    ...(typeof vendor === "string" ? { vendor } : {}),
    ...(typeof id === "string" || typeof id === "number" ? { id: String(id) } : {}),
  };
  if (vendor === undefined || vendor === "")
    return reject(line, "vendor", "vendor is missing", who);
  if (!isVendor(vendor)) {
    return reject(
      line,
      "vendor",
      `vendor ${JSON.stringify(vendor)} is not one of ${VENDORS.join(", ")}`,
      who,
    );
  }
  if (id === undefined || id === "") return reject(line, "id", "id is missing", who);
  if (typeof id !== "string" && !(typeof id === "number" && Number.isSafeInteger(id))) {
    return reject(line, "id", "id must be a string (or a whole number)", who);
  }
  return { line, vendor, id: String(id) };
}

/** Parses one JSONL line: `{"vendor","id","patch"}` or `{"vendor","id","action"}`. */
export function parseJsonlLine(text: string, line: number): ReadLine {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return reject(line, undefined, "not valid JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return reject(line, undefined, "must be a JSON object {vendor, id, patch | action}");
  }
  const entry = data as Record<string, unknown>;
  const checked = checkWho(line, entry.vendor, entry.id);
  if ("ok" in checked) return checked;
  const who = withAccount(line, checked, entry.account);
  if ("ok" in who) return who;
  for (const key of Object.keys(entry)) {
    if (!JSONL_KEYS.has(key)) {
      return reject(
        line,
        key,
        `${key} is not a known key (vendor, id, account, patch, action)`,
        who,
      );
    }
  }
  if (entry.patch !== undefined && entry.action !== undefined) {
    return reject(line, "action", "a line takes either a patch or an action, not both", who);
  }
  if (entry.action !== undefined) {
    if (typeof entry.action !== "string" || !ACTIONS.has(entry.action)) {
      return reject(line, "action", `action must be "pause" or "resume"`, who);
    }
    return { ok: true, change: { ...who, action: entry.action as "pause" | "resume" } };
  }
  if (entry.patch === undefined) {
    return reject(line, "patch", "a line needs a patch or an action", who);
  }
  // One line is one campaign on one vendor: another vendor's entry would never be sent.
  const entries = (entry.patch as { vendor?: unknown } | null)?.vendor;
  if (entries !== null && typeof entries === "object") {
    const other = Object.keys(entries).find((vendor) => vendor !== who.vendor);
    if (other !== undefined)
      return reject(
        line,
        `patch.vendor.${other}`,
        `is for ${other}; this line is on ${who.vendor}`,
        who,
      );
  }
  return { ok: true, change: { ...who, patch: entry.patch } };
}

/** What one CSV line's cells are, or why they cannot be read. */
type CsvCells = { ok: true; cells: string[] } | { ok: false; message: string };

/**
 * The cells of one CSV line, read by `csv-parse` (RFC 4180 quoting: commas and doubled quotes
 * inside quotes). One change is one line: a cell cannot span lines, so a quote that is not
 * closed, or text after a closing quote (`"a"b`), is an error of that line alone, never a
 * reason to read the lines after it differently.
 */
export function csvCells(text: string): CsvCells {
  try {
    const [cells] = parseCsvText(text, { relax_column_count: true }) as string[][];
    return { ok: true, cells: cells ?? [""] };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return {
        ok: false,
        message: "a quoted cell is not closed on this line (a cell cannot span lines)",
      };
    }
    if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
      return {
        ok: false,
        message:
          'a quoted cell goes on after its closing quote: quote the whole cell, and double each quote inside it ("say ""hi""")',
      };
    }
    if (error.code === "INVALID_OPENING_QUOTE") {
      return {
        ok: false,
        message:
          'a quote inside a cell that does not start with one: quote the whole cell, and double each quote inside it ("say ""hi""")',
      };
    }
    return { ok: false, message: `cannot be read as CSV (${error.code})` };
  }
}

/** The columns of a CSV header; a bad header is a usage error (exit 2) before anything is sent. */
export function parseCsvHeader(text: string, line: number): string[] {
  const read = csvCells(text);
  if (!read.ok) throw new UsageError(`line ${line}: the header: ${read.message}`);
  const columns = read.cells.map((name) => name.trim());
  for (const required of ["vendor", "id"]) {
    if (!columns.includes(required)) {
      throw new UsageError(`line ${line}: the header has no "${required}" column`);
    }
  }
  const seen = new Set<string>();
  for (const column of columns) {
    const where = `line ${line}, column "${column}"`;
    if (seen.has(column)) throw new UsageError(`${where}: the column is given twice`);
    seen.add(column);
    if (column === "vendor" || column === "id" || column === "action" || column === "account")
      continue;
    checkFieldPath(column, where);
    if (!(PATCH_FIELDS as readonly string[]).includes(column) && !vendorFieldOf(column)) {
      throw new UsageError(
        `${where}: not a patch field (${PATCH_FIELDS.join(", ")}), a vendor's own field (velip.max_answered), "action" nor "account"`,
      );
    }
  }
  return columns;
}

/** Parses one CSV row under its header: an empty cell sets nothing; values use `--set` syntax. */
export function parseCsvRow(columns: readonly string[], text: string, line: number): ReadLine {
  const read = csvCells(text);
  if (!read.ok) return reject(line, undefined, read.message);
  const { cells } = read;
  const cellOf = (name: string) => cells[columns.indexOf(name)]?.trim() ?? "";
  const checked = checkWho(line, cellOf("vendor"), cellOf("id"));
  if ("ok" in checked) return checked;
  const who = withAccount(
    line,
    checked,
    columns.includes("account") ? cellOf("account") : undefined,
  );
  if ("ok" in who) return who;
  if (cells.length !== columns.length) {
    return reject(
      line,
      undefined,
      `has ${cells.length} cells, the header has ${columns.length} columns`,
      who,
    );
  }
  const action = cellOf("action");
  const patch: Record<string, unknown> = {};
  let fields = 0;
  try {
    columns.forEach((column, index) => {
      if (column === "vendor" || column === "id" || column === "action" || column === "account")
        return;
      const cell = cells[index] ?? "";
      if (cell.trim() === "") return;
      const own = vendorFieldOf(column);
      if (own)
        setPath(
          patch,
          vendorFieldPath(who.vendor, own),
          vendorFieldValue(own.vendor, own.name, cell),
        );
      else setPath(patch, column, parseFieldValue(who.vendor, column, cell));
      fields++;
    });
  } catch (error) {
    const { field, message } = error as { field?: string; message: string };
    return reject(line, field, message, who);
  }
  if (action !== "") {
    if (fields > 0) {
      return reject(line, "action", "a line takes either an action or patch fields, not both", who);
    }
    if (!ACTIONS.has(action)) return reject(line, "action", `action must be pause or resume`, who);
    return { ok: true, change: { ...who, action: action as "pause" | "resume" } };
  }
  return { ok: true, change: { ...who, patch } };
}

/** A line of text with its 1-based number. */
export interface TextLine {
  line: number;
  text: string;
}

/**
 * Reads lines into changes, one line at a time, by format: JSONL (one object a line) or CSV
 * (the first non-blank line is the header). Blank lines give nothing.
 */
export function changesReader(format: ChangesFormat): (line: TextLine) => ReadLine | undefined {
  let columns: string[] | undefined;
  return ({ line, text }) => {
    if (text.trim() === "") return undefined;
    if (format === "jsonl") return parseJsonlLine(text, line);
    if (!columns) {
      columns = parseCsvHeader(text, line);
      return undefined;
    }
    return parseCsvRow(columns, text, line);
  };
}

function* linesOfText(text: string): Generator<TextLine> {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let line = 0;
  for (const content of source.split("\n")) {
    line++;
    yield { line, text: content.endsWith("\r") ? content.slice(0, -1) : content };
  }
}

/** Parses a changes text by format (the file is read with `readChanges`). */
export function parseChanges(text: string, format: ChangesFormat): ReadLine[] {
  const read = changesReader(format);
  const lines: ReadLine[] = [];
  for (const line of linesOfText(text)) {
    const change = read(line);
    if (change) lines.push(change);
  }
  return lines;
}

/** Every non-blank line of a JSONL text. */
export const parseJsonl = (text: string): ReadLine[] => parseChanges(text, "jsonl");

/** Every row of a CSV text (header `vendor,id,<patch field paths…>` and/or `action`). */
export const parseCsv = (text: string): ReadLine[] => parseChanges(text, "csv");

export interface ReadOptions {
  /** Each chunk of the file's bytes as read (to hash it). */
  onChunk?: (chunk: Buffer) => void;
  /** Stops the reading between two lines. */
  signal?: AbortSignal;
}

/** The lines of a file as it is read: a chunk at a time, never the whole file. */
export async function* fileLines(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<TextLine> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let line = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    options.onChunk?.(chunk as Buffer);
    let text = rest + decoder.write(chunk as Buffer);
    if (first && text.length > 0) {
      if (text.startsWith("\uFEFF")) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      if (options.signal?.aborted) return;
      line++;
      const content = text.slice(start, end);
      yield { line, text: content.endsWith("\r") ? content.slice(0, -1) : content };
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== "" && !options.signal?.aborted) {
    line++;
    yield { line, text: rest.endsWith("\r") ? rest.slice(0, -1) : rest };
  }
}

/** The changes of a file as it is read (JSONL or CSV), line by line. */
export async function* readChanges(
  path: string,
  format: ChangesFormat,
  options: ReadOptions = {},
): AsyncGenerator<ReadLine> {
  const read = changesReader(format);
  for await (const line of fileLines(path, options)) {
    const change = read(line);
    if (change) yield change;
  }
}

/** What a first read of a changes file finds: its hash, its lines, the vendors it names. */
export interface ChangesSurvey {
  sha256: string;
  /** Lines with a change (blank lines and the CSV header aside). */
  lines: number;
  /** The vendors of the lines that parse. */
  vendors: Set<string>;
  /** The vendor and account of the lines that parse (no account: the default one). */
  targets: Map<string, { vendor: string; account?: string }>;
}

/** The key of a vendor and account: one provider, one credential, per key. */
export function targetKey(vendor: string, account: string | undefined): string {
  return account === undefined ? vendor : `${vendor}\u0000${account}`;
}

/** Reads a changes file once, without validating its patches (a bad CSV header is exit 2). */
export async function surveyChanges(
  path: string,
  format: ChangesFormat,
  signal?: AbortSignal,
): Promise<ChangesSurvey> {
  const hash = createHash("sha256");
  const vendors = new Set<string>();
  const targets: ChangesSurvey["targets"] = new Map();
  let lines = 0;
  const reads = readChanges(path, format, {
    onChunk: (chunk) => hash.update(chunk),
    ...(signal ? { signal } : {}),
  });
  for await (const read of reads) {
    lines++;
    if (read.ok) {
      const { vendor, account } = read.change;
      vendors.add(vendor);
      targets.set(targetKey(vendor, account), {
        vendor,
        ...(account === undefined ? {} : { account }),
      });
    }
  }
  return { sha256: hash.digest("hex"), lines, vendors, targets };
}
