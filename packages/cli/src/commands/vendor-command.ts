import {
  CAMPAIGN_STATUSES,
  type Campaign,
  type CampaignProvider,
  type CampaignStatus,
  isCampaignkitError,
  type ProviderOperation,
} from "@campaignkit/core";
import { parseCommandArgs } from "../args.js";
import {
  type ConfigFile,
  configFileFrom,
  envName,
  requireApiKey,
  type VendorConfig,
  vendorConfig,
} from "../config.js";
import type { CliContext, Output } from "../context.js";
import { ConfigError, EXIT, UsageError } from "../exit-codes.js";
import { campaignDetails, campaignJson, campaignTable, formatPlan } from "../format.js";
import { patchFromAssignments } from "../set-parser.js";
import { didYouMean } from "../suggest.js";
import { vendorFieldLines } from "../vendor-field.js";
import {
  createProvider,
  isVendor,
  loadVendor,
  settingsOf,
  VENDORS,
  type VendorId,
} from "../vendor-loader.js";

/**
 * The vendor's provider from its resolved settings, its package already loaded by `loadVendor`.
 * A setting the provider refuses (a base URL that is not https, a tenant id that is not a number)
 * is a configuration error, exit 3.
 */
export function providerFor(
  vendor: VendorId,
  config: VendorConfig,
  settings: { apiKey: string; fetch?: (input: Request) => Promise<Response> },
): CampaignProvider {
  try {
    const { apiKey: _fromConfig, baseURL, ...declared } = config;
    return createProvider(vendor, {
      ...declared,
      ...settings,
      ...(baseURL ? { baseURL } : {}),
    });
  } catch (error) {
    if (isCampaignkitError(error)) {
      throw new ConfigError(
        `${error.message}${error.field === "baseURL" ? ` (from --base-url, ${envName(vendor, "BASE_URL")} or the config file)` : ""}`,
      );
    }
    throw error;
  }
}

/** Exit 3 when a setting the vendor declares for `operation` is missing, naming where to set it. */
export function requireSettingsFor(
  vendor: VendorId,
  operation: ProviderOperation,
  config: VendorConfig,
) {
  for (const [name, spec] of Object.entries(settingsOf(vendor))) {
    if (spec.requiredFor !== operation || config[name] !== undefined) continue;
    throw new ConfigError(
      `${vendor}: ${operation} needs ${spec.description}: set ${envName(vendor, name)}, or vendors.${vendor}.${name} in a config file`,
    );
  }
}

export const VENDOR_OPTIONS = {
  vendor: { type: "string" },
  "base-url": { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export type CampaignCommand = "list" | "get" | "update" | "pause" | "resume" | "plan";

const OPTIONS = {
  list: { ...VENDOR_OPTIONS, status: { type: "string" }, raw: { type: "boolean" } },
  get: { ...VENDOR_OPTIONS, raw: { type: "boolean" } },
  update: { ...VENDOR_OPTIONS, set: { type: "string", multiple: true }, raw: { type: "boolean" } },
  plan: { ...VENDOR_OPTIONS, set: { type: "string", multiple: true } },
  pause: VENDOR_OPTIONS,
  resume: VENDOR_OPTIONS,
} as const;

export function optionsOf(command: CampaignCommand) {
  return OPTIONS[command];
}

interface Setup {
  vendor: VendorId;
  config: VendorConfig;
  file: ConfigFile | undefined;
}

function setup(
  command: string,
  values: { vendor?: string; "base-url"?: string; config?: string },
  context: CliContext,
  output: Output,
): Setup {
  const { vendor } = values;
  if (!vendor) throw new UsageError(`${command}: --vendor is required (${VENDORS.join(", ")})`);
  if (!isVendor(vendor)) {
    throw new UsageError(
      `${command}: --vendor ${vendor} is not one of ${VENDORS.join(", ")}${didYouMean(vendor, VENDORS)}`,
    );
  }
  const file = configFileFrom(values.config, context.env, context.cwd);
  output.learnConfig(file);
  return { vendor, file, config: vendorConfig(vendor, context.env, file, values["base-url"]) };
}

function oneId(command: string, positionals: readonly string[]): string {
  const [id, ...extra] = positionals;
  if (!id)
    throw new UsageError(
      `${command}: give the campaign id: campaignkit ${command} --vendor <vendor> <id>`,
    );
  if (extra.length > 0) throw new UsageError(`${command}: unexpected argument "${extra[0]}"`);
  return id;
}

/** `list`, `get`, `update`, `pause`, `resume` and `plan`. */
export async function campaignCommand(
  command: CampaignCommand,
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(command, args, OPTIONS[command]);
  const options = values as {
    vendor?: string;
    "base-url"?: string;
    config?: string;
    json?: boolean;
    raw?: boolean;
    status?: string;
    set?: string[];
  };
  if (options.raw && !options.json) {
    throw new UsageError(`${command}: --raw needs --json (it adds each campaign's vendor payload)`);
  }
  const { vendor, config } = setup(command, options, context, output);
  await loadVendor(vendor);
  const call = { signal: context.signal };

  if (command === "plan") {
    const id = oneId(command, positionals);
    const patch = patchFromAssignments(vendor, options.set ?? []);
    // A plan sends nothing and shows the credential as REDACTED: no key is needed.
    const provider = providerFor(vendor, config, { apiKey: config.apiKey ?? "REDACTED" });
    const plan = await provider.planUpdate(id, patch);
    if (options.json) output.json(plan);
    else {
      output.out(`Plan: update ${vendor} campaign ${id} (nothing is sent; credentials redacted)\n`);
      output.out(formatPlan(plan));
    }
    return EXIT.OK;
  }

  const provider = providerFor(vendor, config, { apiKey: requireApiKey(vendor, config) });
  const raw = Boolean(options.raw);

  if (command === "list") {
    if (positionals.length > 0)
      throw new UsageError(`list: unexpected argument "${positionals[0]}"`);
    const status = options.status;
    if (status !== undefined && !(CAMPAIGN_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`list: --status must be one of ${CAMPAIGN_STATUSES.join(", ")}`);
    }
    requireSettingsFor(vendor, "listCampaigns", config);
    const campaigns: Campaign[] = [];
    const query = status ? { status: status as CampaignStatus } : {};
    for await (const campaign of provider.listCampaigns(query, call)) campaigns.push(campaign);
    if (options.json) output.json(campaigns.map((campaign) => campaignJson(campaign, raw)));
    else {
      output.out(campaignTable(campaigns));
      output.out(`${campaigns.length} campaign${campaigns.length === 1 ? "" : "s"} on ${vendor}\n`);
    }
    return EXIT.OK;
  }

  const id = oneId(command, positionals);
  if (command === "get") {
    const campaign = await provider.getCampaign(id, call);
    if (options.json) output.json(campaignJson(campaign, raw));
    else output.out(campaignDetails(campaign));
    return EXIT.OK;
  }
  if (command === "update") {
    const patch = patchFromAssignments(vendor, options.set ?? []);
    const campaign = await provider.updateCampaign(id, patch, call);
    if (options.json) output.json(campaignJson(campaign, raw));
    else {
      output.out(`Updated ${vendor} campaign ${id}:\n`);
      output.out(campaignDetails(campaign));
      for (const line of vendorFieldLines(vendor, patch, campaign.raw)) output.out(line);
    }
    return EXIT.OK;
  }
  if (command === "pause") await provider.pauseCampaign(id, call);
  else await provider.resumeCampaign(id, call);
  const status = command === "pause" ? "paused" : "active";
  if (options.json) output.json({ vendor, id, status });
  else output.out(`${vendor} campaign ${id} is ${status}\n`);
  return EXIT.OK;
}
