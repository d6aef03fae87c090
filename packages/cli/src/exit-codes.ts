/** The documented exit codes of `campaignkit`. */
export const EXIT = {
  /** Everything asked for was done (or already held). */
  OK: 0,
  /** Some changes were rejected, or the operation failed (vendor, network, validation of a value). */
  FAILED: 1,
  /** The command line is wrong: unknown command or option, missing argument, unreadable input file. */
  USAGE: 2,
  /** Credentials or configuration are missing or unreadable. */
  CONFIG: 3,
  /** Stopped by SIGINT or SIGTERM before the end. */
  INTERRUPTED: 130,
} as const;
/** One of the documented exit codes in `EXIT`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A wrong command line: exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Missing or unreadable credentials or configuration: exit 3. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
