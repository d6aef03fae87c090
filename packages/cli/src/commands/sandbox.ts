import {
  SANDBOX_API_KEYS,
  type Sandbox,
  startLiveActions,
  startSandbox,
} from "@campaignkit/sandbox";
import { parseCommandArgs, positiveInt } from "../args.js";
import { envName } from "../config.js";
import type { CliContext, Output } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { table } from "../format.js";
import { VENDORS } from "../vendor-loader.js";

const OPTIONS = {
  port: { type: "string" },
  json: { type: "boolean" },
  live: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The environment that points the CLI (or a provider) at a running sandbox. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  const env: Record<string, string> = {};
  for (const vendor of VENDORS) {
    // Every setting the sandbox gives (base URL, key, and the vendor's own: VOXO's tenantId).
    for (const [name, value] of Object.entries(sandbox.vendors[vendor])) {
      if (value !== undefined) env[envName(vendor, name)] = String(value);
    }
  }
  return env;
}

/** The published sandbox keys: not secrets (every sandbox accepts exactly these). */
export const PUBLIC_SANDBOX_KEYS: readonly string[] = Object.values(SANDBOX_API_KEYS);

/** Resolves on the abort of `signal`. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * `campaignkit sandbox [--port N]`: starts every vendor simulator, prints where they are and the
 * environment lines for them (the sandbox's published keys), and runs until SIGINT/SIGTERM.
 */
export async function sandboxCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("sandbox", args, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(`sandbox: unexpected argument "${positionals[0]}"`);
  const port = values.port === undefined ? undefined : positiveInt("port", values.port, 0);
  if (port !== undefined && port > 65535) throw new UsageError("--port must be at most 65535");
  output.treatAsPublic(PUBLIC_SANDBOX_KEYS);
  const sandbox = await startSandbox(port === undefined ? {} : { port });
  try {
    const env = sandboxEnv(sandbox);
    if (values.json) {
      output.out(`${JSON.stringify({ url: sandbox.url, vendors: sandbox.vendors, env })}\n`);
    } else {
      output.out(
        `campaignkit sandbox: ${Object.keys(sandbox.vendors).length} vendor simulators on ${sandbox.url}\n\n`,
      );
      output.out(
        table(
          ["VENDOR", "BASE URL"],
          VENDORS.map((vendor) => [vendor, sandbox.vendors[vendor].baseURL]),
        ),
      );
      output.out(
        "\nPoint the CLI (or your own code) at it; the keys below are the sandbox's published keys:\n\n",
      );
      for (const [name, value] of Object.entries(env)) output.out(`export ${name}=${value}\n`);
      output.out("\nRunning. Stop with Ctrl-C (SIGINT) or SIGTERM.\n");
    }
    // --live: the vendors act on their own every few seconds (see the sandbox README).
    const stopLive = values.live
      ? startLiveActions(sandbox, {
          onAction: (a) => output.err(`live: ${a.vendor} campaign ${a.id}: ${a.action}\n`),
        })
      : undefined;
    await untilAborted(context.signal);
    stopLive?.();
  } finally {
    await sandbox.close();
  }
  if (!values.json) output.err("sandbox closed\n");
  return EXIT.OK;
}
