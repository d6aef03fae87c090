import { CampaignkitError } from "@campaignkit/core";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { WatchEvent } from "./events.js";

/** A Standard Webhooks secret: `whsec_` and 24 to 64 random bytes in base64, as the standard asks. */
const SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

function invalid(field: string, rule: string): CampaignkitError {
  return new CampaignkitError({
    code: "VALIDATION",
    vendor: "watch",
    field,
    message: `watch: invalid ${field}: ${rule}`,
  });
}

/** The signer for a secret; the error for a bad one never repeats the secret. */
export function webhookFor(secret: string, field = "secret"): Webhook {
  if (typeof secret !== "string" || !SECRET.test(secret))
    throw invalid(field, "must be a Standard Webhooks secret: whsec_ followed by base64");
  const bytes = Buffer.from(secret.slice("whsec_".length), "base64").byteLength;
  if (bytes < 24 || bytes > 64)
    throw invalid(field, "must hold 24 to 64 bytes (base64 after whsec_)");
  return new Webhook(secret);
}

/**
 * A delivery's request headers, as a `Headers` or as Node's `IncomingMessage.headers` holds them.
 */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function plainHeaders(headers: WebhookHeaders): Record<string, string> {
  const plain: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (typeof value === "string") plain[name.toLowerCase()] = value;
    else if (Array.isArray(value)) plain[name.toLowerCase()] = value.join(" ");
  }
  return plain;
}

/**
 * For receivers: checks a delivery's `webhook-id`, `webhook-timestamp` (within five minutes) and
 * `webhook-signature` against the secret and the raw body, and returns the event. A delivery that
 * fails the check is a `VALIDATION` error naming the header; it never repeats the secret.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Buffer,
): WatchEvent {
  const webhook = webhookFor(secret);
  try {
    return webhook.verify(body, plainHeaders(headers)) as WatchEvent;
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      throw invalid("webhook-signature", error.message.toLowerCase());
    if (error instanceof SyntaxError) throw invalid("body", "is signed but is not JSON");
    throw error;
  }
}
