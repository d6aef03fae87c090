import { extname } from "node:path";
import { PATCH_FIELDS } from "@campaignkit/core";
import { UsageError } from "./exit-codes.js";
import { checkFieldPath, parseFieldValue, setPath } from "./set-parser.js";
import { isVendor, VENDORS } from "./vendors.js";

/** One input line as read, before its patch is validated. */
export interface RawChange {
  /** 1-based line of the file where the change starts. */
  line: number;
  vendor: string;
  id: string;
  /** The patch object as given, validated later by core's `parseCampaignPatch`. */
  patch?: unknown;
  action?: "pause" | "resume";
}

/** A line refused before anything is sent. */
export interface LineRejection {
  line: number;
  vendor?: string;
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
const JSONL_KEYS = new Set(["vendor", "id", "patch", "action"]);

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
  const who = checkWho(line, entry.vendor, entry.id);
  if ("ok" in who) return who;
  for (const key of Object.keys(entry)) {
    if (!JSONL_KEYS.has(key)) {
      return reject(line, key, `${key} is not a known key (vendor, id, patch, action)`, who);
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
  return { ok: true, change: { ...who, patch: entry.patch } };
}

/** Every non-blank line of a JSONL file, with its line number. */
export function parseJsonl(text: string): ReadLine[] {
  const lines: ReadLine[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() !== "") lines.push(parseJsonlLine(content, index + 1));
  });
  return lines;
}

/** CSV records (RFC 4180: quotes, doubled quotes, commas and newlines in quotes), with start lines. */
export function csvRecords(text: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== "") records.push({ line: start, cells });
    cells = [];
    cell = "";
    touched = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      quoted = true;
      touched = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) throw new UsageError(`line ${start}: a quoted cell is not closed`);
  if (cell !== "" || cells.length > 0 || touched) endRecord();
  return records;
}

/**
 * Parses a CSV changes file: header `vendor,id,<patch field paths…>` and/or `action`. An empty
 * cell sets nothing; values use the `--set` syntax. A bad header is a usage error (exit 2).
 */
export function parseCsv(text: string): ReadLine[] {
  const [header, ...rows] = csvRecords(text);
  if (!header) return [];
  const columns = header.cells.map((name) => name.trim());
  for (const required of ["vendor", "id"]) {
    if (!columns.includes(required)) {
      throw new UsageError(`line ${header.line}: the header has no "${required}" column`);
    }
  }
  const seen = new Set<string>();
  for (const column of columns) {
    const where = `line ${header.line}, column "${column}"`;
    if (seen.has(column)) throw new UsageError(`${where}: the column is given twice`);
    seen.add(column);
    if (column === "vendor" || column === "id" || column === "action") continue;
    checkFieldPath(column, where);
    if (!(PATCH_FIELDS as readonly string[]).includes(column)) {
      throw new UsageError(`${where}: not a patch field (${PATCH_FIELDS.join(", ")}) nor "action"`);
    }
  }
  return rows.map(({ line, cells }) => parseCsvRow(columns, cells, line));
}

function parseCsvRow(columns: string[], cells: string[], line: number): ReadLine {
  const cellOf = (name: string) => cells[columns.indexOf(name)]?.trim() ?? "";
  const who = checkWho(line, cellOf("vendor"), cellOf("id"));
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
      if (column === "vendor" || column === "id" || column === "action") return;
      const cell = cells[index] ?? "";
      if (cell.trim() === "") return;
      setPath(patch, column, parseFieldValue(who.vendor, column, cell));
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

/** Parses a changes file's text by format. */
export function parseChanges(text: string, format: ChangesFormat): ReadLine[] {
  return format === "csv" ? parseCsv(text) : parseJsonl(text);
}
