import { spawn } from "node:child_process";
import {
  SANDBOX_API_KEYS,
  type Sandbox,
  startLiveActions,
  startSandbox,
} from "@campaignkit/sandbox";
import { parseCommandArgs } from "../args.js";
import type { BoardVendor } from "../board/board-server.js";
import {
  accountFor,
  accountsOf,
  configFileFrom,
  DEFAULT_ACCOUNT,
  type Env,
  requireApiKey,
  type VendorConfig,
  vendorConfig,
} from "../config.js";
import type { CliContext, Output } from "../context.js";
import { ConfigError, EXIT, UsageError } from "../exit-codes.js";
import { VENDOR_REGISTRY } from "../generated/vendor-registry.js";
import { isVendor, loadVendors, VENDORS, type VendorId } from "../vendor-loader.js";
import { sandboxEnv } from "./sandbox.js";
import { providerFor, requireSettingsFor } from "./vendor-command.js";
import { parseInterval } from "./watch.js";

const OPTIONS = {
  port: { type: "string" },
  vendor: { type: "string", multiple: true },
  account: { type: "string", multiple: true },
  interval: { type: "string" },
  sandbox: { type: "boolean" },
  open: { type: "boolean" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The account of a vendor configured without named accounts. */
export { DEFAULT_ACCOUNT };

/** The command that opens a URL in the platform's default browser. */
export function openerFor(
  url: string,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } {
  if (platform === "darwin") return { command: "open", args: [url] };
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url] };
  return { command: "xdg-open", args: [url] };
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

function displayName(vendor: VendorId): string {
  return VENDOR_REGISTRY.find((entry) => entry.id === vendor)?.displayName ?? vendor;
}

/**
 * `campaignkit board`: a live page of every campaign, served on 127.0.0.1 with a one-time
 * session token, fed by the watcher, acting through the providers.
 */
export async function boardCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("board", args, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(`board: unexpected argument "${positionals[0]}"`);
  let port = 0;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      throw new UsageError(`--port must be a port number, 0–65535, got "${values.port}"`);
    port = Number(values.port);
  }
  const interval = parseInterval(values.interval ?? (values.sandbox ? "1s" : "30s"));
  for (const vendor of values.vendor ?? [])
    if (!isVendor(vendor))
      throw new UsageError(`board: --vendor ${vendor} is not one of ${VENDORS.join(", ")}`);
  const accounts = [...new Set(values.account ?? [])];
  if (accounts.length > 1)
    throw new UsageError(
      "board: one --account only (it applies to every vendor shown; the board shows one account per vendor)",
    );
  const account = accounts[0];
  if (values.sandbox && values.config !== undefined)
    throw new UsageError("board: --sandbox uses the sandbox's own settings, not --config");

  let sandbox: Sandbox | undefined;
  let env: Env = context.env;
  const file = values.sandbox ? undefined : configFileFrom(values.config, context.env, context.cwd);
  output.learnConfig(file);
  if (values.sandbox) {
    output.treatAsPublic(Object.values(SANDBOX_API_KEYS));
    sandbox = await startSandbox();
    env = sandboxEnv(sandbox);
  }
  const { startBoardServer } = await import("../board/board-server.js");
  let stopLive: (() => void) | undefined;
  try {
    const asked = [...new Set((values.vendor ?? []) as VendorId[])];
    const vendors =
      asked.length > 0
        ? asked
        : VENDORS.filter(
            (v) =>
              (account === undefined || accountsOf(v, file).includes(account)) &&
              vendorConfig(v, env, file, undefined, account).apiKey,
          );
    if (vendors.length === 0)
      throw new ConfigError(
        account === undefined
          ? "board: no vendor has an API key: set CAMPAIGNKIT_<VENDOR>_API_KEY, give --vendor, or try --sandbox"
          : `board: no account "${account}" on any vendor with an API key (each vendor's accounts are named in the config file: vendors.<vendor>.accounts.<name>)`,
      );
    await loadVendors(vendors);
    const boardVendors: BoardVendor[] = vendors.map((vendor) => {
      const name = accountFor(vendor, file, account);
      const config: VendorConfig = vendorConfig(vendor, env, file, undefined, name);
      const apiKey = requireApiKey(vendor, config, { name, file });
      requireSettingsFor(vendor, "listCampaigns", config);
      return {
        vendor,
        displayName: displayName(vendor),
        provider: providerFor(vendor, config, { apiKey }),
        planner: providerFor(vendor, config, { apiKey: "REDACTED" }),
      };
    });
    const server = await startBoardServer({
      vendors: boardVendors,
      interval,
      port,
      sandbox: Boolean(sandbox),
      scrub: (text) => output.scrub(text),
      onWatchError: (error) =>
        output.err(
          `board: the watcher stopped: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    });
    try {
      if (sandbox) {
        output.err(
          `sandbox: ${Object.keys(sandbox.vendors).length} vendor simulators on ${sandbox.url}, acting on their own\n`,
        );
        output.err("Point the CLI at it with (the sandbox's published keys):\n");
        for (const [name, value] of Object.entries(env)) output.err(`  export ${name}=${value}\n`);
        stopLive = startLiveActions(sandbox, {
          onAction: (a) => output.err(`live: ${a.vendor} campaign ${a.id}: ${a.action}\n`),
        });
      }
      output.err(
        `campaignkit board: ${vendors.join(", ")} every ${values.interval ?? (sandbox ? "1s" : "30s")} on ${server.url}\n`,
      );
      output.out(
        `Open this link (it works once: it holds the session token):\n  ${server.loginUrl}\n`,
      );
      if (values.open) {
        const { command, args: openArgs } = openerFor(server.loginUrl);
        const child = spawn(command, openArgs, { stdio: "ignore", detached: true });
        child.on("error", () =>
          output.err(`board: could not run ${command}: open the link above yourself\n`),
        );
        child.unref();
      }
      output.err("Running. Stop with Ctrl-C (SIGINT) or SIGTERM.\n");
      await untilAborted(context.signal);
    } finally {
      await server.close();
    }
  } finally {
    stopLive?.();
    await sandbox?.close();
  }
  output.err("board stopped\n");
  return EXIT.OK;
}
