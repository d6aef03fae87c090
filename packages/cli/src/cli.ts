import type { CampaignCommand } from "./commands/vendor-command.js";
import type { CliContext, TransportSettings } from "./context.js";
import { Output } from "./context.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { PACKAGE_VERSION } from "./generated/version.js";
import { HELP } from "./help.js";
import { didYouMean } from "./suggest.js";

/** One command: its arguments in, its exit code out. */
export type Command = (
  args: readonly string[],
  context: CliContext,
  output: Output,
) => Promise<number>;

const campaign = (name: CampaignCommand) => async (): Promise<Command> => {
  const { campaignCommand } = await import("./commands/vendor-command.js");
  return (args, context, output) => campaignCommand(name, args, context, output);
};

/**
 * Every command, each module loaded only when its command runs (so `--help` loads none of them,
 * and only `sandbox` and `tour` load the sandbox). A new command is one line here and its help
 * text in help.ts.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  list: campaign("list"),
  get: campaign("get"),
  update: campaign("update"),
  pause: campaign("pause"),
  resume: campaign("resume"),
  plan: campaign("plan"),
  capabilities: async () => (await import("./commands/capabilities.js")).capabilitiesCommand,
  apply: async () => (await import("./commands/apply.js")).applyCommand,
  sandbox: async () => (await import("./commands/sandbox.js")).sandboxCommand,
  tour: async () => (await import("./commands/tour.js")).tourCommand,
  watch: async () => (await import("./commands/watch.js")).watchCommand,
  board: async () => (await import("./commands/board.js")).boardCommand,
  completion: async () => (await import("./commands/completion.js")).completionCommand,
};

/** The options every command takes: `--verbose`, `--quiet`, `--timeout <duration>`. */
interface GlobalOptions {
  verbose: boolean;
  quiet: boolean;
  timeout: number | undefined;
  rest: string[];
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** `--timeout`'s duration: `500ms`, `30s`, `2m`, or a number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  const unit = match?.[2] ?? "s";
  const ms = match
    ? Math.round(Number(match[1]) * (unit === "ms" ? 1 : unit === "s" ? 1000 : 60_000))
    : Number.NaN;
  if (!Number.isFinite(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new UsageError(
      `--timeout must be a duration such as 500ms, 30s or 2m (1 ms to 24 days), got "${text}"`,
    );
  }
  return ms;
}

/** Takes the global options out of a command's arguments (they may stand anywhere after it). */
function globalOptions(args: readonly string[]): GlobalOptions {
  const options: GlobalOptions = { verbose: false, quiet: false, timeout: undefined, rest: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === "--") {
      options.rest.push(...args.slice(index));
      break;
    }
    if (arg === "--verbose") options.verbose = true;
    else if (arg === "--quiet" || arg === "-q") options.quiet = true;
    else if (arg === "--timeout") {
      const value = args[++index];
      if (value === undefined) throw new UsageError("--timeout needs a duration (500ms, 30s, 2m)");
      options.timeout = parseDuration(value);
    } else if (arg.startsWith("--timeout=")) options.timeout = parseDuration(arg.slice(10));
    else options.rest.push(arg);
  }
  if (options.verbose && options.quiet) {
    throw new UsageError("--verbose and --quiet cannot go together");
  }
  return options;
}

/**
 * What every vendor call of the run gets: with `--verbose`, core's `info` level (one line per
 * request and answer: vendor, status, method, URL, time, request id); else the level of
 * `CAMPAIGNKIT_LOG`, if any. Either way the lines go to stderr, credentials redacted (by core,
 * then by the output's scrub): stdout keeps only results.
 */
function transportSettings(
  globals: GlobalOptions,
  context: CliContext,
  write: (text: string) => void,
): TransportSettings {
  const line = (message: string) => write(`${message}\n`);
  // At debug level, each request's headers follow its line (credential headers REDACTED by core).
  const debug = (message: string, data?: Record<string, unknown>) => {
    const headers = (data?.headers ?? {}) as Record<string, string>;
    write(
      `${message}\n${Object.entries(headers)
        .map(([name, value]) => `  ${name}: ${value}\n`)
        .join("")}`,
    );
  };
  const logger = { debug, info: line, warn: line, error: line };
  const fromEnv = context.env.CAMPAIGNKIT_LOG;
  return {
    logger,
    ...(globals.verbose ? { logLevel: "info" as const } : {}),
    ...(!globals.verbose && fromEnv === undefined ? { logLevel: "off" as const } : {}),
    ...(globals.timeout === undefined ? {} : { timeout: globals.timeout }),
  };
}

/** The version `campaignkit --version` prints: the package's, from its package.json (scripts/write-version.mjs). */
export const VERSION = PACKAGE_VERSION;

/**
 * Runs one `campaignkit` command line and returns its exit code. Everything it prints goes to
 * `context.stdout` / `context.stderr`; it never exits the process itself.
 */
export async function runCli(argv: readonly string[], given: CliContext): Promise<number> {
  let context = given;
  let output = new Output(context, context.publicValues);
  const [command, ...commandArgs] = argv;
  let args = commandArgs;
  try {
    if (command !== undefined && Object.hasOwn(COMMANDS, command)) {
      const globals = globalOptions(commandArgs);
      args = globals.rest;
      context = {
        ...given,
        quiet: globals.quiet,
        transport: transportSettings(globals, given, (text) => output.err(text)),
      };
      output = new Output(context, context.publicValues);
    }
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const topic = command === "help" ? args[0] : undefined;
      if (topic !== undefined && !HELP[topic]) throw new UsageError(`help: no command "${topic}"`);
      output.out(HELP[topic ?? "main"] ?? "");
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    }
    if (command === "--version" || command === "-v") {
      output.out(`${VERSION}\n`);
      return EXIT.OK;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) {
      throw new UsageError(
        `unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`,
      );
    }
    if (args.includes("--help") || args.includes("-h")) {
      output.out(HELP[command] ?? "");
      return EXIT.OK;
    }
    return await (await load())(args, context, output);
  } catch (error) {
    const { exitCodeOf, reportError } = await import("./error-report.js");
    const topic = command !== undefined && Object.hasOwn(COMMANDS, command) ? `${command} ` : "";
    reportError(error, output, {
      json: args.includes("--json"),
      env: context.env,
      ...(error instanceof UsageError && !error.hint
        ? { hint: `see campaignkit ${topic}--help` }
        : {}),
    });
    return context.signal.aborted ? EXIT.INTERRUPTED : exitCodeOf(error);
  }
}
