import { CampaignkitError } from "../errors.js";
import type { ItemsPath } from "./json-items.js";

/** A call's timeout in milliseconds when neither the call nor the settings give `timeout`. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** How often a request safe to repeat is retried when neither call nor settings give `maxRetries`. */
export const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;

/** Per-request options, passed through openapi-fetch as an extra init key (`campaignkit`). */
export interface RequestPolicy {
  /** Safe to send twice. Defaults by method: GET, HEAD, OPTIONS, PUT and DELETE are. */
  idempotent?: boolean;
  timeout?: number;
  maxRetries?: number;
  /** The spec operation (set by provider steps), for the vendor's credential-refusal rule. */
  operationId?: string;
  /** The call's request id (set by provider steps); a fresh one when absent. */
  requestId?: string;
  /** Where a listing's answer holds its items, so it is read element by element (see `guardResponse`). */
  itemsAt?: ItemsPath;
  /** Takes each listed item as it is read (with `itemsAt`); the answer then holds none. */
  onItem?: (item: unknown) => void;
}

export interface ResilienceSettings {
  vendor: string;
  timeout?: number;
  maxRetries?: number;
  /** Reads the final answer within the same deadline (the body can hang as well as the head). */
  finish?: (response: Response, signal: AbortSignal) => Promise<Response>;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** The policy openapi-fetch copied onto the Request from the call's `campaignkit` init key. */
export function policyOf(request: Request): RequestPolicy {
  return (request as Request & { campaignkit?: RequestPolicy }).campaignkit ?? {};
}

/** A body cut off by the connection (the response guard's `NETWORK` with `details.answerUnread`). */
function isConnectionLoss(error: unknown): boolean {
  return (
    error instanceof CampaignkitError &&
    error.code === "NETWORK" &&
    error.details?.answerUnread === true
  );
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `retry-after-ms`, or `retry-after` in seconds or as an HTTP date; undefined past 60 s. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const candidates = [
    Number.parseFloat(headers.get("retry-after-ms") ?? ""),
    Number.parseFloat(headers.get("retry-after") ?? "") * 1000,
    Date.parse(headers.get("retry-after") ?? "") - now,
  ];
  return candidates.find((ms) => Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with jitter: 0.5 s · 2ⁿ, capped at 8 s, less up to 25 %. */
export function backoffMs(attempt: number, random = Math.random()): number {
  return Math.min(500 * 2 ** attempt, 8000) * (1 - random * 0.25);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function abortError(
  vendor: string,
  callerSignal: AbortSignal | null,
  timeout: number,
  cause: unknown,
) {
  if (callerSignal?.aborted) {
    return new CampaignkitError({
      code: "ABORTED",
      vendor,
      message: `${vendor}: the call was aborted`,
      cause,
    });
  }
  return new CampaignkitError({
    code: "TIMEOUT",
    vendor,
    message: `${vendor}: no answer within ${timeout} ms`,
    cause,
  });
}

/**
 * Sends a request with a deadline for the whole call and, when the request is safe to repeat,
 * retries it on 408, 429, 5xx and connection errors, honouring `Retry-After` up to 60 s.
 * Every attempt is a fresh Request built from one buffered body.
 */
/** `promise`, or its rejection with the signal's reason as soon as `signal` aborts: a fetch that ignores signals cannot hang a call. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

export async function sendResiliently(
  request: Request,
  send: (request: Request, init: { signal: AbortSignal }) => Promise<Response>,
  settings: ResilienceSettings,
  policy: RequestPolicy = {},
): Promise<Response> {
  const timeout = policy.timeout ?? settings.timeout ?? DEFAULT_TIMEOUT_MS;
  const maxRetries =
    (policy.idempotent ?? IDEMPOTENT_METHODS.has(request.method))
      ? (policy.maxRetries ?? settings.maxRetries ?? DEFAULT_MAX_RETRIES)
      : 0;
  const callerSignal = request.signal;
  // One deadline for the whole call, cleared as soon as the call ends (AbortSignal.timeout would
  // keep every finished call's signal alive until its timer fires).
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException(`no answer within ${timeout} ms`, "TimeoutError")),
    timeout,
  );
  const onCallerAbort = () => deadline.abort(callerSignal.reason);
  if (callerSignal.aborted) onCallerAbort();
  else callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  try {
    return await attemptUntilDone(request, send, settings, {
      signal: deadline.signal,
      callerSignal,
      timeout,
      maxRetries,
    });
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
  }
}

interface CallState {
  signal: AbortSignal;
  callerSignal: AbortSignal;
  timeout: number;
  maxRetries: number;
}

async function attemptUntilDone(
  request: Request,
  send: (request: Request, init: { signal: AbortSignal }) => Promise<Response>,
  settings: ResilienceSettings,
  { signal, callerSignal, timeout, maxRetries }: CallState,
): Promise<Response> {
  // A request with a body that may be sent again is rebuilt from one buffered copy per attempt;
  // any other request is sent as it is (the deadline travels in `init.signal`).
  const body = maxRetries > 0 && request.body !== null ? await request.arrayBuffer() : undefined;

  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw abortError(settings.vendor, callerSignal, timeout, signal.reason);
    const attemptRequest =
      body === undefined
        ? request
        : new Request(request.url, {
            method: request.method,
            headers: request.headers,
            body,
            redirect: request.redirect,
          });
    let response: Response;
    try {
      response = await untilAborted(send(attemptRequest, { signal }), signal);
    } catch (error) {
      if (signal.aborted) throw abortError(settings.vendor, callerSignal, timeout, error);
      if (error instanceof CampaignkitError) throw error;
      if (attempt >= maxRetries) {
        throw new CampaignkitError({
          code: "NETWORK",
          vendor: settings.vendor,
          message: `${settings.vendor}: could not reach ${new URL(request.url).host} (${(error as Error)?.message ?? "connection failed"})`,
          details: { host: new URL(request.url).host },
          cause: error,
        });
      }
      await sleep(backoffMs(attempt), signal).catch((reason) => {
        throw abortError(settings.vendor, callerSignal, timeout, reason);
      });
      continue;
    }
    if (!isRetryableStatus(response.status) || attempt >= maxRetries) {
      try {
        return settings.finish
          ? await untilAborted(settings.finish(response, signal), signal)
          : response;
      } catch (error) {
        if (signal.aborted) throw abortError(settings.vendor, callerSignal, timeout, error);
        // The connection broke after the headers: for a request safe to repeat, the same as before them.
        if (!isConnectionLoss(error) || attempt >= maxRetries) throw error;
        await sleep(backoffMs(attempt), signal).catch((reason) => {
          throw abortError(settings.vendor, callerSignal, timeout, reason);
        });
        continue;
      }
    }
    await response.body?.cancel().catch(() => undefined);
    await sleep(retryAfterMs(response.headers) ?? backoffMs(attempt), signal).catch((reason) => {
      throw abortError(settings.vendor, callerSignal, timeout, reason);
    });
  }
}
