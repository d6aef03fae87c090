import createClient, { type Client } from "openapi-fetch";
import { CampaignkitError, validationError } from "../errors.js";
import { normalizeBaseURL } from "./base-url.js";
import { type CredentialPlacement, withCredential } from "./credential.js";
import {
  type CredentialPermit,
  type CredentialRefusalRule,
  credentialGateFor,
  refusedOn401,
  verdictOf,
} from "./credential-guard.js";
import { DEFAULT_MAX_RESPONSE_BYTES, guardedBodyOf, guardResponse } from "./guarded-response.js";
import {
  type ClientHooks,
  createObserver,
  type Logger,
  type LogLevel,
  newRequestId,
  recordCall,
  withRequestIds,
} from "./observability.js";
import { limiterFor, type RateLimit } from "./rate-limiter.js";
import { refusedRedirect } from "./redirect-refusal.js";
import { policyOf, type RequestPolicy, sendResiliently } from "./resilient-fetch.js";
import { checkClientSettings, checkMaxRetries, checkTimeout } from "./settings-rules.js";

/** A fetch: called with a Request and, from the shared layer, `{ signal }` carrying the call's deadline. */
export type FetchFunction = (input: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** What every `create<Vendor>Client()` accepts. */
export interface VendorClientSettings {
  /** The vendor credential. Sent only where the vendor documents it; never in a URL. */
  apiKey: string;
  /** Replaces the vendor's documented base URL whole, e.g. `http://127.0.0.1:4010/api/v1.0`. */
  baseURL?: string;
  /** A fetch implementation; resolved at call time, so tests may swap `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Extra headers for every request. They cannot override the credential header. */
  headers?: Record<string, string>;
  /** Allow an `http:` base URL on a host that is not loopback (a boolean; anything else is `VALIDATION`). */
  allowInsecureBaseURL?: boolean;
  /** Milliseconds per call, retries included (default 60 000; 1 to 2^31 − 1); rejects with code `TIMEOUT`. */
  timeout?: number;
  /** Retries of a request that is safe to repeat, on 408, 429, 5xx and connection errors (default 2; 0 to 10). */
  maxRetries?: number;
  /**
   * Client-side request rate, shared by every client of the same credential. Defaults to the
   * vendor's documented limit (Altur: 12 per second); `false` turns it off.
   */
  rateLimit?: RateLimit | false;
  /** Cap on a response body, counted after decompression; a larger one is `INVALID_RESPONSE` (default 10 MiB; 1 byte to 512 MiB). */
  maxResponseBytes?: number;
  /**
   * What is logged of each request and answer, credentials redacted: `debug` (each request, with
   * its headers), `info` (each answer: status, time), `warn` (answers of 400 and over), `error`
   * (failed calls), `off`. Default: `CAMPAIGNKIT_LOG` where the runtime has an environment, else `off`.
   */
  logLevel?: LogLevel;
  /** Where log lines go (default `console`). */
  logger?: Logger;
  /** Tracing and metrics hooks: `onRequest`, `onResponse`, `onError`. A hook that throws never breaks a call. */
  hooks?: ClientHooks;
}

/** What a vendor package knows about its own API, from its spec. */
export interface VendorDescriptor {
  vendor: string;
  /** `servers[0].url` of the vendor's spec. */
  defaultBaseURL: string;
  credential: CredentialPlacement;
  /** `campaignkit-<vendor>/<version>`. */
  userAgent: string;
  /** The body media type every request of this vendor uses. */
  requestContentType?: "application/json" | "application/x-www-form-urlencoded";
  /** The request rate the vendor documents, applied by default. */
  rateLimit?: RateLimit;
  /**
   * Which answers refuse the credential itself, per operation (the vendor's error decoder uses
   * the same rule). Such an answer latches the credential guard: every later call with the key
   * fails with `AUTH` and sends nothing. Default: an HTTP 401 refuses it.
   */
  credentialRefusal?: CredentialRefusalRule;
  /**
   * The response header in which the vendor documents its own request id (read into
   * `vendorRequestId`). None of the five vendors' specs documents one today: it is left unset
   * rather than guessed.
   */
  requestIdHeader?: string;
}

function checkApiKey(vendor: string, apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw validationError(vendor, "apiKey", "must be a non-empty string");
  }
  if (/[\r\n]/.test(apiKey)) {
    throw validationError(vendor, "apiKey", "must not contain line breaks");
  }
  return apiKey;
}

/**
 * What every request of a vendor's client carries before its credential: the base URL and the
 * headers (the caller's, the `User-Agent`, the content type; never a caller-set credential
 * header). Planning builds its requests from the same.
 */
export function requestBasics(
  descriptor: VendorDescriptor,
  settings: Pick<VendorClientSettings, "baseURL" | "allowInsecureBaseURL" | "headers">,
): { baseUrl: string; headers: Record<string, string> } {
  const baseUrl = normalizeBaseURL(settings.baseURL ?? descriptor.defaultBaseURL, {
    vendor: descriptor.vendor,
    allowInsecure: settings.allowInsecureBaseURL ?? false,
  });
  const headers: Record<string, string> = {
    ...settings.headers,
    "User-Agent": descriptor.userAgent,
  };
  if (descriptor.requestContentType) {
    headers["Content-Type"] = descriptor.requestContentType;
  }
  if (descriptor.credential.in === "header") {
    const credentialHeader = descriptor.credential.name.toLowerCase();
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === credentialHeader) delete headers[name];
    }
  }
  return { baseUrl, headers };
}

/**
 * The one place where a vendor's typed openapi-fetch client is built: base URL rules,
 * credential placement, default headers and the fetch wrapper that every request goes through.
 */
export function createVendorClient<Paths extends {}>(
  descriptor: VendorDescriptor,
  settings: VendorClientSettings,
): Client<Paths> {
  const { vendor } = descriptor;
  const apiKey = checkApiKey(vendor, settings?.apiKey);
  checkClientSettings(vendor, settings);
  const { baseUrl, headers } = requestBasics(descriptor, settings);

  const rateLimit =
    settings.rateLimit === undefined ? descriptor.rateLimit : settings.rateLimit || undefined;
  // Looked up per request: the table forgets idle limiters, and every client of the key must
  // then share the one that replaces it.
  const limiter = rateLimit ? () => limiterFor(vendor, apiKey, rateLimit) : undefined;
  const guard = {
    vendor,
    maxBytes: settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    secrets: [apiKey],
  };

  // Every client of this credential shares one gate: probe first, latch on a refusal.
  const gate = credentialGateFor(vendor, apiKey);
  const refusalRule = descriptor.credentialRefusal ?? refusedOn401;
  /** The permit of each answer that reaches `finish`, where its body is read and judged. */
  const permits = new WeakMap<Response, CredentialPermit>();

  const sendOnce = async (attempt: Request, init: { signal: AbortSignal }): Promise<Response> => {
    const permit = await gate.admit(init.signal);
    // A call that ends before its answer is judged (deadline, abort, a fetch that ignores the
    // signal and never settles) leaves no verdict, and must not hold the probe's turn.
    const onAbort = () => permit.settle({ kind: "none" });
    if (init.signal.aborted) onAbort();
    else init.signal.addEventListener("abort", onAbort, { once: true });
    let response: Response;
    try {
      const release = limiter ? await limiter().acquire(init.signal) : undefined;
      try {
        response = await (settings.fetch ?? globalThis.fetch)(attempt, init);
      } finally {
        release?.();
      }
    } catch (error) {
      permit.settle({ kind: "none" });
      throw error;
    }
    const refusal = refusedRedirect(vendor, attempt, response, guard.secrets);
    if (refusal) {
      permit.settle({ kind: "none" });
      await response.body?.cancel().catch(() => undefined);
      throw refusal;
    }
    const { status } = response;
    if (init.signal.aborted || status >= 500 || status === 408 || status === 429) {
      permit.settle({ kind: "none" });
    } else {
      permits.set(response, permit);
    }
    return response;
  };

  const finishFor =
    ({ operationId, itemsAt, onItem }: RequestPolicy) =>
    async (response: Response, signal: AbortSignal): Promise<Response> => {
      const permit = permits.get(response);
      try {
        const guarded = await guardResponse(
          response,
          guard,
          signal,
          itemsAt && onItem ? { itemsAt, onItem } : undefined,
        );
        if (permit) {
          const body = guardedBodyOf(guarded)?.value ?? "";
          permit.settle(verdictOf(refusalRule, { operationId, httpStatus: guarded.status, body }));
        }
        return guarded;
      } catch (error) {
        permit?.settle({ kind: "none" });
        throw error;
      }
    };

  const observer = createObserver(settings, guard.secrets);
  const now = () => globalThis.performance?.now() ?? Date.now();
  const vendorRequestIdOf = (response: Response) =>
    descriptor.requestIdHeader
      ? (response.headers.get(descriptor.requestIdHeader) ?? undefined)
      : undefined;

  const send: FetchFunction = async (request) => {
    const policy = policyOf(request);
    checkTimeout(vendor, policy.timeout, "options.timeout");
    checkMaxRetries(vendor, policy.maxRetries, "options.maxRetries");
    if (policy.idempotent !== undefined && typeof policy.idempotent !== "boolean")
      throw validationError(vendor, "options.idempotent", "must be true or false");
    const requestId = policy.requestId ?? newRequestId();
    const event = {
      requestId,
      vendor,
      operationId: policy.operationId,
      attempt: 0,
      method: request.method,
      url: observer.redact(request.url),
    };
    const started = now();
    let vendorRequestId: string | undefined;
    const fail = (error: unknown) => {
      const failed = withRequestIds(error, requestId, vendorRequestId);
      if (failed instanceof CampaignkitError)
        observer.error({ ...event, durationMs: Math.round(now() - started), error: failed });
      return failed;
    };
    // Each attempt is observed: onRequest before it goes, onResponse when its head arrives.
    const observed = async (attempt: Request, init: { signal: AbortSignal }) => {
      event.attempt++;
      const sentAt = now();
      if (observer.active) observer.request({ ...event }, attempt.headers);
      const response = await sendOnce(attempt, init);
      vendorRequestId = vendorRequestIdOf(response) ?? vendorRequestId;
      if (observer.active)
        observer.response({
          ...event,
          status: response.status,
          durationMs: Math.round(now() - sentAt),
          vendorRequestId,
        });
      return response;
    };
    const authenticated = await withCredential(request, descriptor.credential, apiKey);
    // A redirect is never followed: the credential would travel with it (see redirect-refusal.ts).
    // The client asks for that on every request; a copy is made only for a call that overrode it.
    const manual =
      authenticated.redirect === "manual"
        ? authenticated
        : new Request(authenticated, { redirect: "manual" });
    const resilience = {
      vendor,
      timeout: settings.timeout,
      maxRetries: settings.maxRetries,
      finish: finishFor(policy),
    };
    let response: Response;
    try {
      response = await sendResiliently(manual, observed, resilience, policy);
    } catch (error) {
      throw fail(error);
    }
    recordCall(response, {
      requestId,
      vendorRequestId,
      fail: (error) => {
        fail(error);
      },
    });
    return response;
  };

  return createClient<Paths>({ baseUrl, headers, fetch: send, redirect: "manual" });
}
