import { applyCommand } from "./commands/apply.js";
import { capabilitiesCommand } from "./commands/capabilities.js";
import { PUBLIC_SANDBOX_KEYS, sandboxCommand } from "./commands/sandbox.js";
import { tourCommand } from "./commands/tour.js";
import { type CampaignCommand, campaignCommand } from "./commands/vendor-command.js";
import { watchCommand } from "./commands/watch.js";
import type { CliContext } from "./context.js";
import { Output } from "./context.js";
import { describeError, EXIT, exitCodeOf, UsageError } from "./exit-codes.js";
import { HELP } from "./help.js";

const CAMPAIGN_COMMANDS = new Set<string>(["list", "get", "update", "pause", "resume", "plan"]);

/** The version `campaignkit --version` prints. */
export const VERSION = "0.0.0";

/**
 * Runs one `campaignkit` command line and returns its exit code. Everything it prints goes to
 * `context.stdout` / `context.stderr`; it never exits the process itself.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const output = new Output(context, PUBLIC_SANDBOX_KEYS);
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
    if (args.includes("--help") || args.includes("-h")) {
      const text = HELP[command];
      if (!text) throw new UsageError(`unknown command "${command}"; see campaignkit --help`);
      output.out(text);
      return EXIT.OK;
    }
    if (CAMPAIGN_COMMANDS.has(command)) {
      return await campaignCommand(command as CampaignCommand, args, context, output);
    }
    switch (command) {
      case "capabilities":
        return await capabilitiesCommand(args, context, output);
      case "apply":
        return await applyCommand(args, context, output);
      case "sandbox":
        return await sandboxCommand(args, context, output);
      case "tour":
        return await tourCommand(args, context, output);
      case "watch":
        return await watchCommand(args, context, output);
      default:
        throw new UsageError(`unknown command "${command}"; see campaignkit --help`);
    }
  } catch (error) {
    output.err(`${describeError(error)}\n`);
    if (error instanceof UsageError) output.err("(see campaignkit --help)\n");
    return context.signal.aborted ? EXIT.INTERRUPTED : exitCodeOf(error);
  }
}
