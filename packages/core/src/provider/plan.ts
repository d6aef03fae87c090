import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "../http/create-vendor-client.js";
import { REDACTED } from "../http/redact-secrets.js";
import type { PlannedRequest } from "./provider.js";
import { type AnyVendorClient, type RequestStep, requestOf } from "./request-step.js";

const SECRET_HEADER = /authorization|api[-_]?key|token|secret|cookie|password/i;

function redactHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = SECRET_HEADER.test(name) && !value.includes(REDACTED) ? REDACTED : value;
  });
  return plain;
}

/**
 * Builds the exact requests of `steps` through the vendor's own client (same serialisation,
 * same headers) with a placeholder credential and a fetch that records instead of sending.
 */
export async function planSteps(
  descriptor: VendorDescriptor,
  settings: Omit<VendorClientSettings, "apiKey" | "fetch">,
  steps: readonly RequestStep[],
): Promise<PlannedRequest[]> {
  const planned: PlannedRequest[] = [];
  let purpose = "";
  const record = async (request: Request) => {
    const body = request.body === null ? undefined : await request.text();
    planned.push({
      method: request.method,
      url: request.url,
      headers: redactHeaders(request.headers),
      ...(body === undefined ? {} : { body }),
      purpose,
    });
    return new Response(null, { status: 204 });
  };
  // Nothing is sent: no rate to keep, nothing to retry, nothing to log or trace.
  const { logLevel: _logLevel, logger: _logger, hooks: _hooks, ...sendSettings } = settings;
  const client: AnyVendorClient = createVendorClient(descriptor, {
    ...sendSettings,
    logLevel: "off",
    apiKey: REDACTED,
    fetch: record,
    rateLimit: false,
    maxRetries: 0,
  });
  for (const step of steps) {
    purpose = step.purpose;
    await requestOf(client, step);
  }
  return planned;
}
