/**
 * The forms a credential can take in text the CLI receives: as is, URL-encoded (both `%20` and
 * `+` for a space), JSON-escaped, with PHP's escaped slashes (`\/`), and base64 (a Basic
 * credential echoed back), with and without padding.
 */
function formsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const base64 = Buffer.from(secret).toString("base64");
  const base64url = Buffer.from(secret).toString("base64url");
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ k: secret }).toString().slice(2),
    json,
    json.replaceAll("/", "\\/"),
    base64,
    base64.replace(/=+$/, ""),
    base64url,
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
}

const MIN_SECRET_LENGTH = 4;

/**
 * A function that replaces every credential in every string of a journal record (keys and
 * values, at any depth) by `REDACTED`: the journal is a sink like any other output.
 */
export function recordRedactor(secrets: readonly string[]): <T>(record: T) => T {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(formsOf))];
  if (forms.length === 0) return (record) => record;
  const text = (value: string) => {
    let result = value;
    for (const form of forms) result = result.split(form).join("REDACTED");
    return result;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    }
    return value;
  };
  return <T>(record: T) => walk(record) as T;
}
