import type { CampaignCommand } from "./commands/vendor-command.js";
import type { CliContext } from "./context.js";
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

/** The version `campaignkit --version` prints: the package's, from its package.json (scripts/write-version.mjs). */
export const VERSION = PACKAGE_VERSION;

/**
 * Runs one `campaignkit` command line and returns its exit code. Everything it prints goes to
 * `context.stdout` / `context.stderr`; it never exits the process itself.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const output = new Output(context, context.publicValues);
  const [command, ...args] = argv;
  try {
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
    const { describeError, exitCodeOf } = await import("./error-report.js");
    output.err(`${describeError(error)}\n`);
    if (error instanceof UsageError) {
      const topic = command !== undefined && Object.hasOwn(COMMANDS, command) ? `${command} ` : "";
      output.err(`(see campaignkit ${topic}--help)\n`);
    }
    return context.signal.aborted ? EXIT.INTERRUPTED : exitCodeOf(error);
  }
}
