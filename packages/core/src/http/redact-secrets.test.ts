import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets, secretsPattern } from "./redact-secrets.js";

/** Keys holding every character that encodings treat specially. */
const KEYS = ["ck-canary-a/b+c=d", "ck-canary-Zx/9+/w==", "ck-canary-sp ace/+="];

const allEscaped = (text: string, upper = false) =>
  [...text]
    .map((char) => {
      const hex = char.charCodeAt(0).toString(16).padStart(4, "0");
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    })
    .join("");
const percentAll = (text: string, upper: boolean) =>
  [...new TextEncoder().encode(text)]
    .map((byte) => `%${byte.toString(16).padStart(2, "0")}`)
    .map((percent) => (upper ? percent.toUpperCase() : percent))
    .join("");

const ENCODINGS: readonly [string, (key: string) => string][] = [
  ["raw", (key) => key],
  ["JSON.stringify", (key) => JSON.stringify(key).slice(1, -1)],
  ["PHP's \\/", (key) => key.replaceAll("/", "\\/")],
  ["every character \\u-escaped", (key) => allEscaped(key)],
  ["every character \\U-escaped (upper-case hex)", (key) => allEscaped(key, true)],
  [
    "one character \\u-escaped",
    (key) => `${key.slice(0, 3)}${allEscaped(key[3] ?? "")}${key.slice(4)}`,
  ],
  ["encodeURIComponent", (key) => encodeURIComponent(key)],
  [
    "lower-case percent escapes",
    (key) => encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  ],
  ["form encoding", (key) => new URLSearchParams({ k: key }).toString().slice(2)],
  ["every byte percent-escaped, upper case", (key) => percentAll(key, true)],
  ["every byte percent-escaped, lower case", (key) => percentAll(key, false)],
  ["HTML character references", (key) => [...key].map((c) => `&#${c.charCodeAt(0)};`).join("")],
];

describe("redactSecrets", () => {
  for (const key of KEYS) {
    it.each(ENCODINGS)(`hides a key holding / + = written %s`, (_, encode) => {
      const encoded = encode(key);
      const text = `before ${encoded} after`;
      const redacted = redactSecrets(text, [key]);
      expect(redacted).toBe(`before ${REDACTED} after`);
    });
  }

  it("hides the decoded key of a JSON answer that escaped it, and its raw text alike", () => {
    const key = KEYS[0] as string;
    const raw = `{"message":"bad key ${allEscaped(key)}","echo":"${key.replaceAll("/", "\\/")}"}`;
    expect(redactSecrets(raw, [key])).toBe(
      `{"message":"bad key ${REDACTED}","echo":"${REDACTED}"}`,
    );
    expect(redactSecrets(JSON.parse(raw), [key])).toEqual({
      message: `bad key ${REDACTED}`,
      echo: REDACTED,
    });
  });

  it("walks nested objects and arrays, keys included, and leaves the input untouched", () => {
    const key = KEYS[1] as string;
    const value = {
      n: 1,
      ok: true,
      none: null,
      list: [key, { deep: [`x${encodeURIComponent(key)}y`] }],
      [key]: "as a key",
    };
    const before = structuredClone(value);
    const redacted = redactSecrets(value, [key]);
    expect(redacted).toEqual({
      n: 1,
      ok: true,
      none: null,
      list: [REDACTED, { deep: [`x${REDACTED}y`] }],
      [REDACTED]: "as a key",
    });
    expect(value).toEqual(before);
    expect(redacted).not.toBe(value);
  });

  it("keeps every other text, and the longer of two overlapping secrets whole", () => {
    expect(redactSecrets("ck-canary-ab and ck-canary-abc", ["ck-canary-ab", "ck-canary-abc"])).toBe(
      `${REDACTED} and ${REDACTED}`,
    );
    expect(redactSecrets("nothing to hide: a/b+c=d", ["ck-canary-zz"])).toBe(
      "nothing to hide: a/b+c=d",
    );
    expect(redactSecrets("text", ["", ""])).toBe("text");
  });

  it("copes with any depth and with cycles", () => {
    const key = KEYS[0] as string;
    let deep: unknown = key;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let node = redactSecrets(deep, [key]);
    for (let i = 0; i < 100_000; i++) node = (node as unknown[])[0];
    expect(node).toBe(REDACTED);

    const cyclic: Record<string, unknown> = { key };
    cyclic.self = cyclic;
    const copy = redactSecrets(cyclic, [key]);
    expect(copy.key).toBe(REDACTED);
    expect(copy.self).toBe(copy);
  });

  it("keeps numbers, booleans and objects that are not plain data as they are", () => {
    const date = new Date(0);
    expect(redactSecrets({ at: date, n: 5 }, ["ck-canary-x"])).toEqual({ at: date, n: 5 });
    expect(redactSecrets(42, ["42"])).toBe(42);
  });
});

describe("secretsPattern", () => {
  it("builds each credential's pattern once, however the calls alternate between vendors' keys", () => {
    const [a, b] = KEYS as [string, string];
    const first = secretsPattern([a]);
    expect(secretsPattern([b])).not.toBe(first);
    expect(secretsPattern([a])).toBe(first);
    expect(secretsPattern([b])).toBe(secretsPattern([b]));
  });
});
