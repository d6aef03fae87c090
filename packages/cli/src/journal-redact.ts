import { redactSecrets } from "@campaignkit/core";

const MIN_SECRET_LENGTH = 4;

/**
 * A function that scrubs every credential from a journal record (or any JSON-like value), with
 * core's `redactSecrets`: the same scrubber as every other sink, so a key a vendor echoes back
 * JSON-escaped, URL- or form-encoded comes out `REDACTED`. The base64 forms of each key (a Basic
 * credential echoed back) are scrubbed as well.
 */
export function recordRedactor(secrets: readonly string[]): <T>(record: T) => T {
  const forms = [
    ...new Set(
      secrets
        .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
        .flatMap((secret) => {
          const base64 = Buffer.from(secret).toString("base64");
          return [
            secret,
            base64,
            base64.replace(/=+$/, ""),
            Buffer.from(secret).toString("base64url"),
          ];
        }),
    ),
  ];
  if (forms.length === 0) return (record) => record;
  return (record) => redactSecrets(record, forms);
}
