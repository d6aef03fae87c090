import { CampaignkitError } from "../errors.js";
import { REDACTED, redactSecrets } from "./redact-secrets.js";

/** Headers whose value is a credential whatever its encoding (a Basic header is base64). */
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|cookie|password/i;

/** The levels of the `logLevel` setting, most verbose first; `off` logs nothing (the default). */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "off"] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where log lines go (the `logger` setting; default: `console`). Each line is one message and
 * its structured data, credentials already redacted.
 */
export interface Logger {
  /** Each request as it is sent (level `debug`). */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Each answer below 400 (level `info`). */
  info(message: string, data?: Record<string, unknown>): void;
  /** Each answer of 400 and over (level `warn`). */
  warn(message: string, data?: Record<string, unknown>): void;
  /** Each failed call (level `error`). */
  error(message: string, data?: Record<string, unknown>): void;
}

/** What every hook is told about one attempt of one request. */
export interface RequestEvent {
  /** The call's own id (`CampaignkitError.requestId`), kept locally: no vendor documents a header for it. */
  requestId: string;
  vendor: string;
  /** The spec operation, when a provider step sent the request. */
  operationId: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  method: string;
  /** The URL, credentials redacted. */
  url: string;
}

/** An answer's head arrived (`onResponse`). */
export interface ResponseEvent extends RequestEvent {
  status: number;
  /** Milliseconds from the attempt's start to the answer's head. */
  durationMs: number;
  /** The vendor's own request id, when its spec documents a header that carries one and the answer has it. */
  vendorRequestId: string | undefined;
}

/** A call failed (`onError`): after its last attempt, with the error it rejects with. */
export interface ErrorEvent extends RequestEvent {
  /** Milliseconds from the call's start to its failure, retries included. */
  durationMs: number;
  error: CampaignkitError;
}

/**
 * Tracing and metrics hooks (the `hooks` setting). Each is called synchronously; one that throws
 * (or returns a promise that rejects) is ignored: a hook's failure never breaks a call.
 */
export interface ClientHooks {
  /** Before each attempt is sent. */
  onRequest?(event: RequestEvent): unknown;
  /** When each attempt's answer head arrives, whatever its status. */
  onResponse?(event: ResponseEvent): unknown;
  /** When a call fails, once, after its last attempt. */
  onError?(event: ErrorEvent): unknown;
}

/** A fresh request id: `ck-` and a random UUID (Web Crypto, in every runtime). */
export function newRequestId(): string {
  return `ck-${globalThis.crypto.randomUUID()}`;
}

/**
 * The level `CAMPAIGNKIT_LOG` asks for, where an environment exists (Node, Bun, Deno with
 * `--allow-env`); `undefined` elsewhere (workerd, a browser) or when it is unset or not a level.
 */
export function logLevelFromEnv(): LogLevel | undefined {
  try {
    const value = (
      globalThis as { process?: { env?: Record<string, string | undefined> } }
    ).process?.env?.CAMPAIGNKIT_LOG?.trim().toLowerCase();
    return (LOG_LEVELS as readonly string[]).includes(value ?? "")
      ? (value as LogLevel)
      : undefined;
  } catch {
    // Deno without --allow-env throws on reading the environment.
    return undefined;
  }
}

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);

/** Calls a hook, ignoring whatever it throws or rejects with. */
function safely(run: () => unknown): void {
  try {
    const result = run();
    if (result && typeof (result as Promise<unknown>).then === "function")
      (result as Promise<unknown>).then(undefined, () => undefined);
  } catch {
    // A hook's failure never breaks a call.
  }
}

/** What the shared HTTP layer reports to: the logger and the hooks of one client. */
export interface Observer {
  readonly active: boolean;
  redact(text: string): string;
  request(event: RequestEvent, headers: Headers): void;
  response(event: ResponseEvent): void;
  error(event: ErrorEvent): void;
}

/** The settings an observer is built from. */
export interface ObserverSettings {
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
  hooks?: ClientHooks | undefined;
}

/** The observer of one client: logs at or above its level (`logLevel`, else `CAMPAIGNKIT_LOG`, else off) and calls its hooks. */
export function createObserver(settings: ObserverSettings, secrets: readonly string[]): Observer {
  const level = settings.logLevel ?? logLevelFromEnv() ?? "off";
  const logger: Logger = settings.logger ?? console;
  const hooks = settings.hooks ?? {};
  const redact = (text: string) => redactSecrets(text, secrets);
  const log = (at: Exclude<LogLevel, "off">, message: string, data: Record<string, unknown>) => {
    if (level === "off" || rank(at) < rank(level)) return;
    safely(() => logger[at](`campaignkit ${message}`, redactSecrets(data, secrets)));
  };
  const tag = (event: RequestEvent) =>
    `request ${event.requestId}${event.attempt > 1 ? `, attempt ${event.attempt}` : ""}`;
  return {
    active: level !== "off" || Object.keys(hooks).length > 0,
    redact,
    request(event, headers) {
      const shown: Record<string, string> = {};
      headers.forEach((value, name) => {
        shown[name] = SECRET_HEADER.test(name) ? REDACTED : value;
      });
      log("debug", `${event.vendor} → ${event.method} ${event.url} (${tag(event)})`, {
        ...event,
        headers: shown,
      });
      if (hooks.onRequest) safely(() => hooks.onRequest?.(event));
    },
    response(event) {
      const vendorId = event.vendorRequestId ? `, vendor request ${event.vendorRequestId}` : "";
      log(
        event.status >= 400 ? "warn" : "info",
        `${event.vendor} ← ${event.status} ${event.method} ${event.url} in ${event.durationMs} ms (${tag(event)}${vendorId})`,
        { ...event },
      );
      if (hooks.onResponse) safely(() => hooks.onResponse?.(event));
    },
    error(event) {
      const { error, ...rest } = event;
      log(
        "error",
        `${event.vendor} ✗ ${event.method} ${event.url} failed after ${event.durationMs} ms: ${error.code} ${error.message} (${tag(event)})`,
        { ...rest, code: error.code, message: error.message, httpStatus: error.httpStatus },
      );
      if (hooks.onError) safely(() => hooks.onError?.(event));
    },
  };
}

/**
 * Gives an error the call's request ids, unless it has them already: the same error object,
 * so a caller's `instanceof` and identity checks still hold.
 */
export function withRequestIds<T>(
  error: T,
  requestId: string | undefined,
  vendorRequestId: string | undefined,
): T {
  if (!(error instanceof CampaignkitError)) return error;
  const ids = error as { requestId: string | undefined; vendorRequestId: string | undefined };
  if (ids.requestId === undefined && requestId !== undefined) ids.requestId = requestId;
  if (ids.vendorRequestId === undefined && vendorRequestId !== undefined)
    ids.vendorRequestId = vendorRequestId;
  return error;
}

/** What the HTTP layer knows of one call, for the provider step that made it. */
export interface CallRecord {
  requestId: string;
  vendorRequestId: string | undefined;
  /** Reports the call's failure as decoded from its answer (`onError`, and the log). */
  fail(error: CampaignkitError): void;
}

const calls = new WeakMap<Response, CallRecord>();

/** Links an answer to its call (the shared HTTP layer does, for `sendStep`). */
export function recordCall(response: Response, record: CallRecord): void {
  calls.set(response, record);
}

/** The call an answer belongs to, if the shared HTTP layer sent it. */
export function callOf(response: Response): CallRecord | undefined {
  return calls.get(response);
}
