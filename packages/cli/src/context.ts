import { styleText } from "node:util";
import type { Logger, LogLevel } from "@campaignkit/core";
import type { ConfigFile } from "./config.js";
import { type Env, secretsOf } from "./secrets.js";

/** Where output goes: a stream's `write`. */
export interface Sink {
  /** Writes `text` as it is (no newline added). */
  write(text: string): unknown;
}

/** What every command runs with: its environment, its output, and the interruption signal. */
export interface CliContext {
  env: Env;
  cwd: string;
  stdout: Sink;
  stderr: Sink;
  /** Standard input, for `apply -`. */
  stdin?: AsyncIterable<Buffer | string> & NodeJS.ReadableStream;
  /** Whether stderr is a terminal: only then is a progress bar drawn. */
  stderrIsTTY: boolean;
  /** Whether stdout is a terminal: then tables fit its width and statuses are coloured. */
  stdoutIsTTY?: boolean;
  /** The terminal's width in columns (stdout), when it is one. */
  columns?: number;
  /** Aborted on SIGINT / SIGTERM. */
  signal: AbortSignal;
  /** Values never treated as secrets, such as the sandbox's published keys. */
  publicValues?: readonly string[];
  /** What `--verbose` and `--timeout` ask of every vendor call (set by `runCli`). */
  transport?: TransportSettings;
  /** `--quiet`: only results are printed (no footers, headers or progress). */
  quiet?: boolean;
}

/** The provider settings the global options give: core's logger, its level, the call timeout. */
export interface TransportSettings {
  logLevel?: LogLevel;
  logger?: Logger;
  /** Milliseconds per call, retries included. */
  timeout?: number;
}

/** A format `node:util` styleText takes. */
export type StyleFormat = Parameters<typeof styleText>[0];

/**
 * Whether to colour a stream: \`FORCE_COLOR\` (not 0/false) forces it; \`NO_COLOR\` (any
 * non-empty value) or \`FORCE_COLOR=0\` turns it off; else only on a terminal.
 */
export function colourOn(env: Env, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}

const REDACTED = "REDACTED";
const MIN_SECRET_LENGTH = 4;

/**
 * The output of one command run. Every text written goes through `scrub`, which replaces each
 * credential the CLI has learnt (environment, config file) by `REDACTED`: a last guard only,
 * since no code path prints a credential. `notSecret` lists values never treated as secrets
 * (the sandbox's published keys, which `campaignkit sandbox` prints on purpose).
 */
export class Output {
  readonly #secrets = new Set<string>();
  readonly #notSecret: Set<string>;

  constructor(
    readonly context: CliContext,
    notSecret: readonly string[] = [],
  ) {
    this.#notSecret = new Set(notSecret);
    this.learnSecrets(secretsOf(context.env, undefined));
  }

  learnSecrets(secrets: readonly string[]): void {
    for (const secret of secrets) {
      if (secret.length >= MIN_SECRET_LENGTH && !this.#notSecret.has(secret)) {
        this.#secrets.add(secret);
        this.#secrets.add(encodeURIComponent(secret));
      }
    }
  }

  /** Values printed as they are from now on (the sandbox's published keys, which it prints). */
  treatAsPublic(values: readonly string[]): void {
    for (const value of values) {
      this.#notSecret.add(value);
      this.#secrets.delete(value);
      this.#secrets.delete(encodeURIComponent(value));
    }
  }

  learnConfig(file: ConfigFile | undefined): void {
    this.learnSecrets(secretsOf({}, file));
  }

  scrub(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.split(secret).join(REDACTED);
    return result;
  }

  out(text: string): void {
    this.context.stdout.write(this.scrub(text));
  }

  err(text: string): void {
    this.context.stderr.write(this.scrub(text));
  }

  /** Whether text written to `stream` is coloured (see `colourOn`). */
  colours(stream: "stdout" | "stderr"): boolean {
    const tty = stream === "stdout" ? Boolean(this.context.stdoutIsTTY) : this.context.stderrIsTTY;
    return colourOn(this.context.env, tty);
  }

  /** `text` in `format` (node:util styleText) when `stream` is coloured, else as it is. */
  style(format: StyleFormat, text: string, stream: "stdout" | "stderr" = "stdout"): string {
    return this.colours(stream) ? styleText(format, text, { validateStream: false }) : text;
  }

  /**
   * The width tables fit: the terminal's columns on a TTY, else \`COLUMNS\` when set, else none
   * (output piped to a file or a program is never cut).
   */
  width(): number | undefined {
    if (this.context.stdoutIsTTY && this.context.columns) return this.context.columns;
    const fromEnv = Number(this.context.env.COLUMNS);
    return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
  }

  /** A line that is not a result (a footer, a header): not printed with `--quiet`. */
  note(text: string): void {
    if (!this.context.quiet) this.out(text);
  }

  json(value: unknown): void {
    this.out(`${JSON.stringify(value, null, 2)}\n`);
  }
}
