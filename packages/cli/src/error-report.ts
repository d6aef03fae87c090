import { isCampaignkitError } from "@campaignkit/core";
import type { Output } from "./context.js";
import { ConfigError, EXIT, type ExitCode, UsageError } from "./exit-codes.js";

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
    ]
      .filter(Boolean)
      .join(", ");
    return `error: ${error.message} (${where})`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/** How `reportError` prints: as text, or (`--json`) as one JSON object. */
export interface ErrorReportOptions {
  json?: boolean;
}

/** Prints one error on stderr: `describeError`'s line. */
export function reportError(
  error: unknown,
  output: Output,
  _options: ErrorReportOptions = {},
): void {
  output.err(`${describeError(error)}\n`);
}
