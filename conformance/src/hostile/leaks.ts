import { inspect } from "node:util";

const unicodeEscaped = (text: string, upper: boolean) =>
  [...text]
    .map((char) => char.charCodeAt(0).toString(16).padStart(4, "0"))
    .map((hex) => `\\u${upper ? hex.toUpperCase() : hex}`)
    .join("");

/** How a key can be written where it leaks: each, by name. Written out here, not taken from core's scrubber. */
export function encodingsOf(key: string): Record<string, string> {
  const percent = encodeURIComponent(key);
  return {
    raw: key,
    "JSON \\u escapes": unicodeEscaped(key, false),
    "JSON \\U escapes": unicodeEscaped(key, true),
    "PHP \\/": key.replaceAll("/", "\\/"),
    encodeURIComponent: percent,
    "lower-case percent": percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    "form encoding": new URLSearchParams({ k: key }).toString().slice(2),
  };
}

/** The name of the first encoding of `key` found in `text`, if any. */
export function leakIn(text: string, key: string): string | undefined {
  return Object.entries(encodingsOf(key)).find(([, form]) => text.includes(form))?.[0];
}

/** Every place an error is read: message, stack, util.inspect, JSON.stringify, each cause, details, field. */
export function sinksOf(error: unknown): Record<string, string> {
  const sinks: Record<string, string> = {
    "util.inspect": inspect(error, { depth: Number.POSITIVE_INFINITY }),
    "JSON.stringify": JSON.stringify(error) ?? "",
    String: String(error),
  };
  let current: unknown = error;
  for (let level = 0; current instanceof Error && level < 10; level++) {
    const prefix = level === 0 ? "" : `cause${level}.`;
    const record = current as Error & { details?: unknown; field?: unknown };
    sinks[`${prefix}message`] = record.message;
    sinks[`${prefix}stack`] = record.stack ?? "";
    sinks[`${prefix}details`] = JSON.stringify(record.details) ?? "";
    sinks[`${prefix}field`] = String(record.field);
    current = record.cause;
  }
  if (current !== undefined && !(current instanceof Error)) sinks.cause = inspect(current);
  return sinks;
}

/** Fails naming the sink and the encoding, never printing the text (it holds the key). */
export function assertNoLeak(sinks: Record<string, string>, key: string): void {
  for (const [sink, text] of Object.entries(sinks)) {
    const encoding = leakIn(text, key);
    if (encoding) throw new Error(`the credential leaked into ${sink} (${encoding})`);
  }
}
