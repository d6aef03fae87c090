import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { CampaignProvider } from "@campaignkit/core";
import {
  deliverWebhooks,
  openWatchStore,
  type RoundReport,
  type WatchEvent,
  watchCampaigns,
} from "@campaignkit/watch";
import { parseCommandArgs } from "../args.js";
import {
  accountFor,
  accountsOf,
  configFileFrom,
  type Env,
  requireApiKey,
  vendorConfig,
} from "../config.js";
import type { CliContext, Output } from "../context.js";
import { ConfigError, EXIT, UsageError } from "../exit-codes.js";
import { isVendor, loadVendors, VENDORS, type VendorId } from "../vendor-loader.js";
import { providerFor, requireSettingsFor } from "./vendor-command.js";

const OPTIONS = {
  vendor: { type: "string", multiple: true },
  account: { type: "string" },
  interval: { type: "string" },
  json: { type: "boolean" },
  state: { type: "string" },
  backfill: { type: "boolean" },
  webhook: { type: "string" },
  "webhook-secret-env": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `1s`, `30s`, `5m`, `1h` in milliseconds; at least one second. */
export function parseInterval(text: string): number {
  const match = /^(\d{1,6})(s|m|h)$/.exec(text);
  const ms = match ? Number(match[1]) * (UNITS[match[2] as string] as number) : Number.NaN;
  if (!(ms >= 1000))
    throw new UsageError(
      `--interval must be a duration of at least 1s (1s, 30s, 5m, 1h), got "${text}"`,
    );
  return ms;
}

/** The per-user data directory: XDG on Linux (and other Unixes), the platform's own elsewhere. */
export function defaultStatePath(env: Env, platform = process.platform): string {
  const home = env.HOME || homedir();
  if (platform === "darwin")
    return join(home, "Library", "Application Support", "campaignkit", "watch.sqlite");
  if (platform === "win32")
    return join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "campaignkit", "watch.sqlite");
  const data = env.XDG_DATA_HOME?.startsWith("/")
    ? env.XDG_DATA_HOME
    : join(home, ".local", "share");
  return join(data, "campaignkit", "watch.sqlite");
}

const when = (at: string) => at.replace(/\.\d{3}Z$/, "Z");
const show = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));

/** One line per event, for people. */
export function describeEvent(event: WatchEvent): string {
  const head = `${when(event.at)}  ${event.vendor}`;
  switch (event.type) {
    case "campaign.created":
      return `${head} ${event.campaignId}  created${event.backfill ? " (existing)" : ""}: ${event.campaign.name ?? ""} [${event.campaign.status}]`;
    case "campaign.updated":
      return `${head} ${event.campaignId}  updated: ${event.changes.map((c) => `${c.field} ${show(c.before)} → ${show(c.after)}`).join("; ")}`;
    case "campaign.status_changed": {
      const reason = event.reason
        ? ` (${event.reason.code}${event.reason.message ? `: ${event.reason.message}` : ""})`
        : "";
      return `${head} ${event.campaignId}  status ${event.from} → ${event.to}${reason}`;
    }
    case "campaign.removed":
      return `${head} ${event.campaignId}  removed: ${event.campaign.name ?? ""}`;
    case "watch.vendor_failed":
      return `${head}  vendor failing${event.partial ? " (listing cut short)" : ""}: ${event.error.code}: ${event.error.message}`;
    case "watch.vendor_recovered":
      return `${head}  vendor recovered (failing since ${when(event.failedSince)})`;
  }
}

function summary(report: RoundReport): string {
  return report.vendors.map((v) => `${v.vendor} ${v.campaigns} (${v.outcome})`).join(", ");
}

/**
 * `campaignkit watch`: polls the vendors through their providers and prints each change, keeping
 * its state in a SQLite file; optionally delivers each event to a webhook.
 */
export async function watchCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("watch", args, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(`watch: unexpected argument "${positionals[0]}"`);
  const interval = parseInterval(values.interval ?? "30s");
  if (values.webhook !== undefined && !values["webhook-secret-env"])
    throw new UsageError(
      "watch: --webhook needs --webhook-secret-env <VAR>, the variable holding the secret",
    );
  if (values["webhook-secret-env"] !== undefined && values.webhook === undefined)
    throw new UsageError("watch: --webhook-secret-env is only for --webhook");
  for (const vendor of values.vendor ?? [])
    if (!isVendor(vendor))
      throw new UsageError(`watch: --vendor ${vendor} is not one of ${VENDORS.join(", ")}`);

  const file = configFileFrom(values.config, context.env, context.cwd);
  output.learnConfig(file);
  const asked = (values.vendor ?? []) as VendorId[];
  const account = values.account;
  // `--account` is one account for every vendor watched: without --vendor, those that have it.
  const vendors =
    asked.length > 0
      ? [...new Set(asked)]
      : VENDORS.filter(
          (v) =>
            (account === undefined || accountsOf(v, file).includes(account)) &&
            vendorConfig(v, context.env, file, undefined, account).apiKey,
        );
  if (vendors.length === 0)
    throw new ConfigError(
      account === undefined
        ? `watch: no vendor has an API key: set CAMPAIGNKIT_<VENDOR>_API_KEY, or give --vendor`
        : `watch: no account "${account}" on any vendor with an API key (each vendor's accounts are named in the config file: vendors.<vendor>.accounts.<name>)`,
    );
  // Only the vendors watched are loaded.
  await loadVendors(vendors);
  const providers: CampaignProvider[] = vendors.map((vendor) => {
    const name = accountFor(vendor, file, account);
    const config = vendorConfig(vendor, context.env, file, undefined, name);
    const apiKey = requireApiKey(vendor, config, { name, file });
    // Watching lists: a setting the vendor declares for listing (VOXO's tenantId) is needed.
    requireSettingsFor(vendor, "listCampaigns", config);
    return providerFor(vendor, config, { apiKey }, context);
  });

  let secret: string | undefined;
  if (values.webhook !== undefined) {
    const name = values["webhook-secret-env"] as string;
    secret = context.env[name];
    if (!secret)
      throw new ConfigError(
        `watch: the environment variable ${name} (--webhook-secret-env) is empty or unset`,
      );
    output.learnSecrets([secret]);
  }

  const statePath = values.state
    ? resolve(context.cwd, values.state)
    : defaultStatePath(context.env);
  const store = openWatchStore(statePath);
  const stop = new AbortController();
  const signal = AbortSignal.any([context.signal, stop.signal]);
  try {
    output.err(
      `watching ${vendors.join(", ")} every ${values.interval ?? "30s"}; state ${statePath}\n`,
    );
    let rounds = 0;
    const delivery =
      values.webhook !== undefined && secret !== undefined
        ? deliverWebhooks({
            store,
            url: values.webhook,
            secret,
            signal,
            onAttempt: (attempt) => {
              if (attempt.outcome !== "delivered")
                output.err(
                  `webhook: ${attempt.eventId} attempt ${attempt.attempt} failed (${attempt.error ?? "?"})${attempt.outcome === "dead" ? ": dead-lettered" : ", will retry"}\n`,
                );
            },
          })
        : undefined;
    const watch = watchCampaigns({
      providers,
      interval,
      store,
      signal,
      backfill: Boolean(values.backfill),
      onRound: (report) => {
        rounds += 1;
        if (rounds === 1) output.err(`first round: ${summary(report)}\n`);
      },
    });
    try {
      for await (const event of watch) {
        output.out(values.json ? `${JSON.stringify(event)}\n` : `${describeEvent(event)}\n`);
      }
    } finally {
      stop.abort();
      await delivery?.catch(() => {});
    }
    await delivery;
  } finally {
    store.close();
  }
  if (!values.json) output.err("watch stopped\n");
  return EXIT.OK;
}
