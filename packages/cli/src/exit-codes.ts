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

/** What a CLI error may say beyond its message: what to do next, and what it is about. */
export interface ErrorFacts {
  /** What to do next (printed after the message, and as `hint` with `--json`). */
  hint?: string;
  field?: string;
  vendor?: string;
}

/** A CLI error that carries its `ErrorFacts` (the base of the errors below). */
abstract class FactualError extends Error {
  readonly hint: string | undefined;
  readonly field: string | undefined;
  readonly vendor: string | undefined;
  constructor(message: string, facts: ErrorFacts) {
    super(message);
    this.hint = facts.hint;
    this.field = facts.field;
    this.vendor = facts.vendor;
  }
}

/** A wrong command line: exit 2. */
export class UsageError extends FactualError {
  override readonly name = "UsageError";
  constructor(message: string, facts: ErrorFacts = {}) {
    super(message, facts);
  }
}

/** Missing or unreadable credentials or configuration: exit 3. */
export class ConfigError extends FactualError {
  override readonly name = "ConfigError";
  constructor(message: string, facts: ErrorFacts = {}) {
    super(message, facts);
  }
}

/** A failure of the CLI's own (a journal write, an input that changed): exit 1, with its code. */
export class CliFailure extends FactualError {
  override readonly name = "CliFailure";
  constructor(
    readonly code: string,
    message: string,
    facts: ErrorFacts = {},
  ) {
    super(message, facts);
  }
}
