import { isCampaignkitError, isCredentialRefusal } from "@campaignkit/core";
import type { Output } from "./context.js";
import { CliFailure, ConfigError, EXIT, type ExitCode, UsageError } from "./exit-codes.js";
import { type Env, keySourceTagOf } from "./secrets.js";

/** The exit code an error stands for. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof ConfigError) return EXIT.CONFIG;
  if (isCampaignkitError(error) && error.code === "ABORTED") return EXIT.INTERRUPTED;
  return EXIT.FAILED;
}

/** One line describing an error, for stderr: code, vendor, field and message, never a credential. */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) return `usage error: ${error.message}`;
  if (error instanceof ConfigError) return `configuration error: ${error.message}`;
  if (isCampaignkitError(error)) {
    const where = [
      `code ${error.code}`,
      error.field ? `field ${error.field}` : "",
      error.httpStatus ? `HTTP ${error.httpStatus}` : "",
      error.vendorCode !== undefined ? `vendor code ${error.vendorCode}` : "",
      error.requestId ? `request ${error.requestId}` : "",
      error.vendorRequestId ? `vendor request ${error.vendorRequestId}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return `error: ${error.message} (${where})`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * An error as `--json` prints it: one object, every key always present (`null` when unknown).
 * `code` is a `CampaignkitError` code, or `USAGE` (exit 2), `CONFIG` (exit 3), or a CLI failure's
 * own code (`JOURNAL_WRITE`, `INPUT_CHANGED`, `INTERNAL`).
 */
export interface JsonError {
  code: string;
  message: string;
  field: string | null;
  vendor: string | null;
  vendorCode: string | number | null;
  httpStatus: number | null;
  hint: string | null;
  /** The failed call's request id (core's `CampaignkitError.requestId`), `null` before any request. */
  requestId: string | null;
  /** The vendor's own request id, when its answer carried a documented one. */
  vendorRequestId: string | null;
  exitCode: number;
}

/** What a `UsageError`, `ConfigError` or `CliFailure` may say beyond its message. */
interface Explained {
  hint?: string;
  field?: string;
  vendor?: string;
}

/** The error as one JSON object (see `JsonError`). */
export function errorJson(error: unknown, hint?: string): JsonError {
  const { code, message, ...rest } = errorFields(error, hint);
  return { code, message, ...rest };
}

function errorFields(error: unknown, hint?: string): JsonError {
  const explained = (error ?? {}) as Explained;
  const base = {
    field: explained.field ?? null,
    vendor: explained.vendor ?? null,
    vendorCode: null,
    httpStatus: null,
    hint: hint ?? explained.hint ?? null,
    requestId: null,
    vendorRequestId: null,
    exitCode: exitCodeOf(error),
  };
  if (error instanceof UsageError) return { ...base, code: "USAGE", message: error.message };
  if (error instanceof ConfigError) return { ...base, code: "CONFIG", message: error.message };
  if (error instanceof CliFailure) return { ...base, code: error.code, message: error.message };
  if (isCampaignkitError(error)) {
    return {
      ...base,
      code: error.code,
      message: error.message,
      field: error.field ?? null,
      vendor: error.vendor,
      vendorCode: error.vendorCode ?? null,
      httpStatus: error.httpStatus ?? null,
      requestId: error.requestId ?? null,
      vendorRequestId: error.vendorRequestId ?? null,
    };
  }
  return {
    ...base,
    code: "INTERNAL",
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The environment variable of a vendor setting (as `config.ts`'s `envName`, without loading vendors). */
function envNameOf(vendor: string, setting: string): string {
  return `CAMPAIGNKIT_${vendor.toUpperCase()}_${setting}`;
}

/**
 * What to do next after a vendor call failed: for a refused key, where the key came from; for a
 * network error, the host that could not be reached; else nothing.
 */
export function hintFor(error: unknown, env: Env = {}): string | undefined {
  if (!isCampaignkitError(error)) return undefined;
  const { vendor } = error;
  const refused = isCredentialRefusal(error as unknown);
  if (refused || (error.code === "AUTH" && error.httpStatus === 401)) {
    const source = keySourceTagOf(error);
    if (source)
      return `${vendor} refused the key of account ${source.account}: correct ${source.variable}, or ${source.entry} in the config file`;
    const variable = envNameOf(vendor, "API_KEY");
    const where = env[variable]
      ? `the key in ${variable}`
      : `the key in the config file's vendors.${vendor}.apiKey (or its account's apiKey)`;
    return `${vendor} refused ${where}: correct it (or set ${variable})`;
  }
  if (error.code === "NETWORK" && typeof error.details?.host === "string") {
    return `check that ${error.details.host} is reachable from here (network, proxy, firewall) and that it is ${vendor}'s base URL (${envNameOf(vendor, "BASE_URL")}, --base-url or the config file)`;
  }
  return undefined;
}

/** How `reportError` prints: as text, or (`--json`) as one JSON object on one line. */
export interface ErrorReportOptions {
  json?: boolean;
  /** The environment, to name where a refused key came from. */
  env?: Env;
  /** What to do next, when the caller knows better than the error (the command's help). */
  hint?: string;
}

/**
 * Prints one error on stderr: `describeError`'s line and its hint, or with `json` one JSON
 * object on one line (`JsonError`). Either way stdout keeps only results.
 */
export function reportError(
  error: unknown,
  output: Output,
  options: ErrorReportOptions = {},
): void {
  const hint =
    options.hint ?? (error as Explained | undefined)?.hint ?? hintFor(error, options.env);
  if (options.json) {
    output.err(`${JSON.stringify(errorJson(error, hint))}\n`);
    return;
  }
  const line = describeError(error);
  const colon = line.indexOf(":");
  output.err(
    `${output.style(["bold", "red"], line.slice(0, colon + 1), "stderr")}${line.slice(colon + 1)}\n`,
  );
  if (hint)
    output.err(
      error instanceof UsageError
        ? `(${hint})\n`
        : `${output.style("dim", "hint:", "stderr")} ${hint}\n`,
    );
}
