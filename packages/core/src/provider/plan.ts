import createClient from "openapi-fetch";
import {
  requestBasics,
  type VendorClientSettings,
  type VendorDescriptor,
} from "../http/create-vendor-client.js";
import { withCredential } from "../http/credential.js";
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
 * A planner for one provider: builds the exact requests of `steps` through openapi-fetch with
 * the vendor client's base URL and headers (same serialisation, same headers) and a placeholder
 * credential put where the vendor expects it, and sends nothing. One client serves every plan:
 * the CLI plans every line of a bulk file, and a client per plan made each line build (and the
 * heap keep for a while) a whole transport it never used.
 */
export function stepPlanner(
  descriptor: VendorDescriptor,
  settings: Pick<VendorClientSettings, "baseURL" | "allowInsecureBaseURL" | "headers">,
): (steps: readonly RequestStep[]) => Promise<PlannedRequest[]> {
  let client: AnyVendorClient | undefined;
  return async (steps) => {
    client ??= createClient(requestBasics(descriptor, settings));
    const planned: PlannedRequest[] = [];
    for (const step of steps) {
      let built: Request | undefined;
      await requestOf(client, step, {
        fetch: async (request: Request) => {
          built = request;
          return new Response(null, { status: 204 });
        },
      });
      if (!built) continue;
      const request = await withCredential(built, descriptor.credential, REDACTED, {
        withSignal: false,
      });
      const body = request.body === null ? undefined : await request.text();
      planned.push({
        method: request.method,
        url: request.url,
        headers: redactHeaders(request.headers),
        ...(body === undefined ? {} : { body }),
        purpose: step.purpose,
      });
    }
    return planned;
  };
}

/** The planned requests of `steps`, with a planner of their own (see `stepPlanner`). */
export function planSteps(
  descriptor: VendorDescriptor,
  settings: Pick<VendorClientSettings, "baseURL" | "allowInsecureBaseURL" | "headers">,
  steps: readonly RequestStep[],
): Promise<PlannedRequest[]> {
  return stepPlanner(descriptor, settings)(steps);
}
