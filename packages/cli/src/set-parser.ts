import {
  type CallingHours,
  type CampaignPatch,
  type PatchField,
  parseCampaignPatch,
  patchFieldMetadata,
  type TimeRange,
  validationError,
  WEEKDAYS,
  type Weekday,
} from "@campaignkit/core";
import { UsageError } from "./exit-codes.js";
import { vendorFieldOf, vendorFieldPath, vendorFieldValue } from "./vendor-field.js";

/** The field errors of calling-hours text name (core's metadata: the one `calling-hours` field). */
const CALLING_HOURS = "schedule.callingHours" satisfies PatchField;

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Checks a dotted field path (`schedule.timezone`): a usage error when it cannot be one. */
export function checkFieldPath(path: string, where: string): string {
  if (!FIELD_PATH.test(path) || path.split(".").some((key) => FORBIDDEN_KEYS.has(key))) {
    throw new UsageError(`${where}: "${path}" is not a field path such as schedule.timezone`);
  }
  return path;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function parseRange(vendor: string, text: string): TimeRange {
  const parts = text.trim().split(/\s*[-–]\s*/);
  const [start, end] = parts;
  if (parts.length !== 2 || start === undefined || end === undefined) {
    throw validationError(vendor, CALLING_HOURS, `"${text.trim()}" is not a window HH:MM-HH:MM`);
  }
  for (const time of [start, end]) {
    if (!TIME.test(time)) {
      throw validationError(vendor, CALLING_HOURS, `"${time}" is not a time HH:MM (00:00–23:59)`);
    }
  }
  if (minutes(end) <= minutes(start)) {
    throw validationError(
      vendor,
      CALLING_HOURS,
      `${start}-${end}: end must be after start (a window cannot cross midnight)`,
    );
  }
  return { start, end };
}

function parseDays(vendor: string, text: string): Weekday[] {
  const day = (name: string): Weekday => {
    const found = WEEKDAYS.find((weekday) => weekday === name.trim().toLowerCase());
    if (!found) {
      throw validationError(
        vendor,
        CALLING_HOURS,
        `"${name.trim()}" is not a weekday (${WEEKDAYS.join(", ")})`,
      );
    }
    return found;
  };
  const [first, last, ...rest] = text.split("-");
  if (first === undefined || rest.length > 0) {
    throw validationError(vendor, CALLING_HOURS, `"${text}" is not a weekday or a span mon-fri`);
  }
  if (last === undefined) return [day(first)];
  const from = WEEKDAYS.indexOf(day(first));
  const to = WEEKDAYS.indexOf(day(last));
  if (to < from) throw validationError(vendor, CALLING_HOURS, `"${text}": the span runs backwards`);
  return WEEKDAYS.slice(from, to + 1);
}

/**
 * Calling hours from text: `09:00-17:00` is the same window every day; weekly is
 * `mon=09:00-12:00,14:00-17:00;fri=09:00-13:00` (`mon-fri=…` spans days, `sat=` means no calls).
 */
export function parseCallingHours(vendor: string, text: string): CallingHours {
  const value = text.trim();
  if (!value.includes("=")) return { daily: parseRange(vendor, value) };
  const weekly: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const part of value.split(";")) {
    if (part.trim() === "") continue;
    const equals = part.indexOf("=");
    if (equals === -1) {
      throw validationError(vendor, CALLING_HOURS, `"${part.trim()}" is not day=HH:MM-HH:MM`);
    }
    const ranges = part
      .slice(equals + 1)
      .split(",")
      .filter((range) => range.trim() !== "")
      .map((range) => parseRange(vendor, range));
    for (const day of parseDays(vendor, part.slice(0, equals))) {
      if (weekly[day]) throw validationError(vendor, CALLING_HOURS, `${day} is given twice`);
      weekly[day] = ranges;
    }
  }
  return { weekly };
}

/**
 * The value of one field from text, with the syntax of `--set` and of CSV cells, by the field's
 * kind in core's `PATCH_FIELD_METADATA`: numbers for `integer` fields, `true`/`false` for
 * `boolean`, `max` or a number for `calls-per-minute`, calling hours as in `parseCallingHours`,
 * text otherwise. Text that is not of the field's kind stays text, so `parseCampaignPatch`
 * names the field and its rule.
 */
export function parseFieldValue(vendor: string, field: string, text: string): unknown {
  const trimmed = text.trim();
  switch (patchFieldMetadata(field)?.kind) {
    case "calling-hours":
      return parseCallingHours(vendor, text);
    case "calls-per-minute":
      if (trimmed === "max") return "max";
      return NUMBER.test(trimmed) ? Number(trimmed) : text;
    case "integer":
      return NUMBER.test(trimmed) ? Number(trimmed) : text;
    case "boolean": {
      const lower = trimmed.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
      return text;
    }
    default:
      return text;
  }
}

/** Sets `value` at a dotted path of a plain object, creating the groups on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      const group: Record<string, unknown> = {};
      node[key] = group;
      node = group;
    } else node = next as Record<string, unknown>;
  }
  node[last] = value;
}

/** Splits `field=value` (the first `=`): a usage error without one. */
export function splitAssignment(text: string): { field: string; value: string } {
  const equals = text.indexOf("=");
  if (equals <= 0) {
    throw new UsageError(
      `--set ${text}: expected field=value, e.g. schedule.timezone=Europe/Lisbon`,
    );
  }
  const field = checkFieldPath(text.slice(0, equals).trim(), `--set ${text}`);
  return { field, value: text.slice(equals + 1) };
}

/** The raw patch object of `--set` assignments, before validation. */
export function patchInputFromAssignments(vendor: string, assignments: readonly string[]) {
  const input: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const assignment of assignments) {
    const { field, value } = splitAssignment(assignment);
    if (seen.has(field)) throw new UsageError(`--set ${field} is given twice`);
    seen.add(field);
    const own = vendorFieldOf(field);
    if (own)
      setPath(input, vendorFieldPath(vendor, own), vendorFieldValue(own.vendor, own.name, value));
    else setPath(input, field, parseFieldValue(vendor, field, value));
  }
  return input;
}

/**
 * A validated `CampaignPatch` from `--set` assignments: a bad value is a `VALIDATION`
 * `CampaignkitError` naming the field (from core's `parseCampaignPatch`).
 */
export function patchFromAssignments(
  vendor: string,
  assignments: readonly string[],
): CampaignPatch {
  if (assignments.length === 0) {
    throw new UsageError("nothing to change: give at least one --set field=value");
  }
  return parseCampaignPatch(vendor, patchInputFromAssignments(vendor, assignments));
}
