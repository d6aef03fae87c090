/** What stands in for a credential wherever one would otherwise show (plans, errors, journals). */
export const REDACTED = "REDACTED";

const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\\\"',
  "\\": "\\\\\\\\",
  "/": "\\\\/",
  "\b": "\\\\b",
  "\f": "\\\\f",
  "\n": "\\\\n",
  "\r": "\\\\r",
  "\t": "\\\\t",
};

const HTML_NAMED: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

function literal(text: string): string {
  return text.replace(REGEX_SPECIAL, "\\$&");
}

/** A hex number matched in either case, with at least `width` digits. */
function hex(value: number, width: number): string {
  return [...value.toString(16).padStart(width, "0")]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join("");
}

/** Every way one character of a secret can be written in JSON, a URL, a form or HTML. */
function characterForms(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const forms = [literal(char)];
  // JSON: `\uXXXX` per UTF-16 code unit, and the short escapes (PHP writes `/` as `\/`).
  forms.push(
    [...Array.from({ length: char.length }, (_, i) => char.charCodeAt(i))]
      .map((unit) => `\\\\u${hex(unit, 4)}`)
      .join(""),
  );
  const short = JSON_SHORT_ESCAPES[char];
  if (short) forms.push(short);
  // URLs and forms: percent escapes of the UTF-8 bytes, either case; a form writes space as `+`.
  forms.push([...new TextEncoder().encode(char)].map((byte) => `%${hex(byte, 2)}`).join(""));
  if (char === " ") forms.push("\\+");
  // HTML character references, for an echo inside an error page.
  forms.push(`&#0*${codePoint};`, `&#[xX]0*${hex(codePoint, 1)};`);
  const named = HTML_NAMED[char];
  if (named) forms.push(named);
  return `(?:${forms.join("|")})`;
}

function patternOf(secret: string): string {
  return [...secret].map(characterForms).join("");
}

/**
 * Patterns already built, by their secrets: building one costs ~1 ms (every character in every
 * encoding), and a bulk run alternates between vendors' keys on every answer. Bounded: the
 * oldest is dropped past `PATTERNS_KEPT` (one process rarely holds more credentials).
 */
const patterns = new Map<string, RegExp | undefined>();
const PATTERNS_KEPT = 64;

/** One regular expression matching every listed secret in every encoding, longest first. */
export function secretsPattern(secrets: readonly string[]): RegExp | undefined {
  const key = secrets.join("\u0000");
  if (patterns.has(key)) return patterns.get(key);
  const pattern = buildPattern(secrets);
  if (patterns.size >= PATTERNS_KEPT) patterns.delete(patterns.keys().next().value as string);
  patterns.set(key, pattern);
  return pattern;
}

function buildPattern(secrets: readonly string[]): RegExp | undefined {
  const unique = [...new Set(secrets.filter((secret) => secret !== ""))].sort(
    (a, b) => b.length - a.length,
  );
  if (unique.length === 0) return undefined;
  return new RegExp(unique.map(patternOf).join("|"), "g");
}

function redactText(text: string, pattern: RegExp): string {
  return text.replace(pattern, REDACTED);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of `value` (a string, or a JSON-like value: plain objects and arrays, nested to any
 * depth, keys included) with every one of `secrets` replaced by `REDACTED`: as written, with any
 * character JSON-escaped (`\u0063`, PHP's `\/`), URL- or form-encoded (`%2F` or `%2f`, `+` for a
 * space) or written as an HTML character reference. Other objects (dates, class instances) are
 * kept as they are; cycles are kept as cycles. Works without recursion, so depth is no limit.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const pattern = secretsPattern(secrets);
  if (!pattern) return value;
  const redact = (item: unknown): unknown =>
    typeof item === "string" ? redactText(item, pattern) : item;
  if (typeof value !== "object" || value === null) return redact(value) as T;

  const copies = new Map<object, unknown[] | Record<string, unknown>>();
  const pending: { source: object; copy: unknown[] | Record<string, unknown> }[] = [];
  const copyOf = (item: unknown): unknown => {
    if (typeof item !== "object" || item === null) return redact(item);
    const known = copies.get(item);
    if (known) return known;
    if (!Array.isArray(item) && !isPlainObject(item)) return item;
    const copy: unknown[] | Record<string, unknown> = Array.isArray(item)
      ? []
      : Object.getPrototypeOf(item) === null
        ? Object.create(null)
        : {};
    copies.set(item, copy);
    pending.push({ source: item, copy });
    return copy;
  };
  const root = copyOf(value);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { source, copy } = next;
    if (Array.isArray(source)) {
      for (const item of source) (copy as unknown[]).push(copyOf(item));
    } else {
      for (const [key, item] of Object.entries(source)) {
        (copy as Record<string, unknown>)[redactText(key, pattern)] = copyOf(item);
      }
    }
  }
  return root as T;
}
