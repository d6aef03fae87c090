import { validationError } from "../errors.js";
import { LOG_LEVELS } from "./observability.js";

/** The longest delay a timer can hold (2^31 − 1 ms, ~24.8 days); a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** More retries only spend the deadline: the backoff is already 8 s from the fifth on. */
export const MAX_RETRIES = 10;
/** The most a JavaScript string can hold comfortably (V8's limit is ~2^29 characters). */
export const MAX_RESPONSE_BYTES_LIMIT = 2 ** 29;

function wholeInRange(
  vendor: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
  unit = "",
): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw validationError(vendor, field, `must be a whole number${unit}, ${min} to ${max}`);
  }
}

export const checkTimeout = (vendor: string, value: unknown, field = "timeout") =>
  wholeInRange(vendor, field, value, 1, MAX_TIMEOUT_MS, " of milliseconds");

export const checkMaxRetries = (vendor: string, value: unknown, field = "maxRetries") =>
  wholeInRange(vendor, field, value, 0, MAX_RETRIES);

export function checkBoolean(vendor: string, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") {
    throw validationError(vendor, field, "must be true or false");
  }
}

/** The settings `checkClientSettings` reads, as a caller may have given them: any value. */
export type UncheckedClientSettings = {
  readonly [Name in
    | "timeout"
    | "maxRetries"
    | "maxResponseBytes"
    | "allowInsecureBaseURL"
    | "fetch"
    | "headers"
    | "rateLimit"
    | "logLevel"
    | "logger"
    | "hooks"]?: unknown;
};

const LOGGER_METHODS = ["debug", "info", "warn", "error"] as const;
const HOOK_NAMES = ["onRequest", "onResponse", "onError"] as const;

/** Checks `logLevel`, `logger` and `hooks`. */
export function checkObservability(vendor: string, settings: UncheckedClientSettings): void {
  const { logLevel, logger, hooks } = settings;
  if (logLevel !== undefined && !(LOG_LEVELS as readonly unknown[]).includes(logLevel)) {
    throw validationError(vendor, "logLevel", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  if (logger !== undefined) {
    if (logger === null || typeof logger !== "object")
      throw validationError(
        vendor,
        "logger",
        "must be an object with debug, info, warn and error functions",
      );
    for (const method of LOGGER_METHODS) {
      if (typeof (logger as Record<string, unknown>)[method] !== "function")
        throw validationError(vendor, `logger.${method}`, "must be a function");
    }
  }
  if (hooks !== undefined) {
    if (hooks === null || typeof hooks !== "object" || Array.isArray(hooks))
      throw validationError(vendor, "hooks", "must be an object of onRequest, onResponse, onError");
    for (const [name, hook] of Object.entries(hooks)) {
      if (!(HOOK_NAMES as readonly string[]).includes(name))
        throw validationError(vendor, `hooks.${name}`, `is not a hook (${HOOK_NAMES.join(", ")})`);
      if (hook !== undefined && typeof hook !== "function")
        throw validationError(vendor, `hooks.${name}`, "must be a function");
    }
  }
}

/** Checks every setting of `create<Vendor>Client()` but the credential and the base URL. */
export function checkClientSettings(vendor: string, settings: UncheckedClientSettings): void {
  checkObservability(vendor, settings);
  checkTimeout(vendor, settings.timeout);
  checkMaxRetries(vendor, settings.maxRetries);
  wholeInRange(
    vendor,
    "maxResponseBytes",
    settings.maxResponseBytes,
    1,
    MAX_RESPONSE_BYTES_LIMIT,
    " of bytes",
  );
  checkBoolean(vendor, "allowInsecureBaseURL", settings.allowInsecureBaseURL);
  if (settings.fetch !== undefined && typeof settings.fetch !== "function") {
    throw validationError(vendor, "fetch", "must be a function");
  }
  const { headers, rateLimit } = settings;
  if (headers !== undefined) {
    if (headers === null || typeof headers !== "object" || Array.isArray(headers))
      throw validationError(vendor, "headers", "must be an object of header names to strings");
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== "string" || /[\r\n]/.test(value))
        throw validationError(vendor, `headers.${name}`, "must be a string without line breaks");
    }
  }
  if (rateLimit !== undefined && rateLimit !== false) {
    if (rateLimit === null || typeof rateLimit !== "object")
      throw validationError(vendor, "rateLimit", "must be { requests, perMilliseconds } or false");
    const limit = rateLimit as Record<string, unknown>;
    wholeInRange(vendor, "rateLimit.requests", limit.requests ?? Number.NaN, 1, 1_000_000);
    wholeInRange(
      vendor,
      "rateLimit.perMilliseconds",
      limit.perMilliseconds ?? Number.NaN,
      1,
      MAX_TIMEOUT_MS,
    );
  }
}
