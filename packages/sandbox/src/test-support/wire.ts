import {
  SANDBOX_API_KEYS,
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxVendor,
} from "../sandbox-types.js";
import { loadSpec } from "../spec/load-spec.js";
import { authHeaders } from "../spec/wire.js";

/**
 * The headers that carry the sandbox key where each vendor's spec documents it (its security
 * scheme; none when the key goes in the body, as Convoso's does).
 */
export const AUTH_HEADERS = Object.fromEntries(
  SANDBOX_VENDORS.map((vendor) => [
    vendor,
    authHeaders(loadSpec(vendor), SANDBOX_API_KEYS[vendor]),
  ]),
) as Record<SandboxVendor, Record<string, string>>;

export interface RawInit {
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent form-encoded. */
  form?: Record<string, string>;
  /** Leave out the vendor's auth header. */
  noAuth?: boolean;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, when it is JSON. */
  body: unknown;
}

/** One request on the wire to a simulator: `path` is relative to the vendor's base URL. */
export async function raw(
  sandbox: Sandbox,
  vendor: SandboxVendor,
  method: string,
  path: string,
  init: RawInit = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    ...(init.noAuth ? {} : AUTH_HEADERS[vendor]),
    ...init.headers,
  };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(init.json);
  } else if (init.form !== undefined) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(`${sandbox.vendors[vendor].baseURL}${path}`, {
    method,
    headers,
    body,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** The rejection of `promise`, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
