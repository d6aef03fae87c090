import {
  CAMPAIGN_STATUSES,
  type CallOptions,
  type Campaign,
  type CampaignProvider,
  type CampaignStatus,
  isCampaignkitError,
  type ListCampaignsQuery,
  type ProviderOperation,
  type RateLimit,
} from "@campaignkit/core";
import { parseCommandArgs, positiveInt } from "../args.js";
import {
  accountFor,
  accountsOf,
  type ConfigFile,
  configFileFrom,
  envName,
  hasNamedAccounts,
  keySourceOf,
  requireApiKey,
  type VendorConfig,
  vendorConfig,
} from "../config.js";
import type { CliContext, Output } from "../context.js";
import { ConfigError, EXIT, UsageError } from "../exit-codes.js";
import {
  campaignDetails,
  campaignJson,
  campaignTable,
  formatPlan,
  STATUS_COLOURS,
} from "../format.js";
import { type KeySource, tagKeySource } from "../secrets.js";
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
  settings: {
    apiKey: string;
    fetch?: (input: Request) => Promise<Response>;
    rateLimit?: RateLimit | false;
  },
  context?: CliContext,
): CampaignProvider {
  try {
    const { apiKey: _fromConfig, baseURL, allowInsecureBaseURL, ...declared } = config;
    return createProvider(vendor, {
      ...declared,
      ...(allowInsecureBaseURL ? { allowInsecureBaseURL: true } : {}),
      ...context?.transport,
      ...settings,
      ...(baseURL ? { baseURL } : {}),
    });
  } catch (error) {
    if (isCampaignkitError(error)) {
      const insecure = error.field === "baseURL" && /must use https/.test(error.message);
      throw new ConfigError(
        `${error.message}${error.field === "baseURL" ? ` (from --base-url, ${envName(vendor, "BASE_URL")} or the config file)` : ""}`,
        {
          vendor,
          ...(error.field ? { field: error.field } : {}),
          ...(insecure
            ? {
                hint: `to allow http: on this host (the key then travels in clear text), set ${envName(vendor, "ALLOW_INSECURE_BASE_URL")}=1, or vendors.${vendor}.allowInsecureBaseURL: true in the config file`,
              }
            : {}),
        },
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
  account: { type: "string" },
  "base-url": { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export type CampaignCommand = "list" | "get" | "update" | "pause" | "resume" | "plan";

const OPTIONS = {
  list: {
    ...VENDOR_OPTIONS,
    status: { type: "string" },
    limit: { type: "string" },
    raw: { type: "boolean" },
  },
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
  /** The account the command runs with (`default` for the single-account shape). */
  account: string;
  /** Where a named account's key is set (for the hint of a refused key), else undefined. */
  keySource: KeySource | undefined;
}

/** Where a named account's key is set, for the hint of a refused key; undefined otherwise. */
export function keySourceFor(
  vendor: VendorId,
  account: string,
  file: ConfigFile | undefined,
): KeySource | undefined {
  return hasNamedAccounts(vendor, file)
    ? { account, ...keySourceOf(vendor, account, file) }
    : undefined;
}

function setup(
  command: string,
  values: { vendor?: string; "base-url"?: string; config?: string; account?: string },
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
  const account = accountFor(vendor, file, values.account);
  return {
    vendor,
    file,
    account,
    keySource: keySourceFor(vendor, account, file),
    config: vendorConfig(vendor, context.env, file, values["base-url"], account),
  };
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

function listQuery(status: string | undefined): ListCampaignsQuery {
  if (status !== undefined && !(CAMPAIGN_STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`list: --status must be one of ${CAMPAIGN_STATUSES.join(", ")}`);
  }
  return status ? { status: status as CampaignStatus } : {};
}

/** How campaign tables look on this output: fitted to its width, statuses coloured on a terminal. */
function tableLook(output: Output) {
  const width = output.width();
  return {
    ...(width === undefined ? {} : { width }),
    status: (status: string) => output.style(STATUS_COLOURS[status] ?? "dim", status),
  };
}

/** At most `limit` campaigns of one vendor: the paging stops as soon as they are in. */
async function listSome(
  provider: CampaignProvider,
  query: ListCampaignsQuery,
  limit: number,
  call: CallOptions,
): Promise<Campaign[]> {
  const campaigns: Campaign[] = [];
  for await (const campaign of provider.listCampaigns(query, call)) {
    campaigns.push(campaign);
    if (campaigns.length >= limit) break;
  }
  return campaigns;
}

/** What one vendor account's listing gave in `list` without `--vendor`: its campaigns, or its error. */
type VendorListing =
  | { vendor: VendorId; account: string; ok: true; campaigns: Campaign[] }
  | { vendor: VendorId; account: string; ok: false; error: unknown };

/**
 * `list` without `--vendor`: every vendor that has an API key, listed in parallel, in one table
 * with a VENDOR column. A vendor that fails does not stop the others: its error is printed on
 * stderr (as JSON with `--json`) and the exit code is 1.
 */
async function listEveryVendor(
  positionals: readonly string[],
  options: {
    "base-url"?: string;
    config?: string;
    json?: boolean;
    raw?: boolean;
    status?: string;
    limit?: string;
    account?: string;
  },
  context: CliContext,
  output: Output,
): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`list: unexpected argument "${positionals[0]}"`);
  if (options["base-url"] !== undefined) {
    throw new UsageError("list: --base-url needs --vendor (each vendor has its own base URL)");
  }
  const query = listQuery(options.status);
  const limit = positiveInt("limit", options.limit, Number.POSITIVE_INFINITY);
  const file = configFileFrom(options.config, context.env, context.cwd);
  output.learnConfig(file);
  // Every vendor × account with a key (only the accounts named --account, when given).
  const configured = VENDORS.flatMap((vendor) =>
    accountsOf(vendor, file)
      .filter((account) => options.account === undefined || account === options.account)
      .map((account) => ({
        vendor,
        account,
        config: vendorConfig(vendor, context.env, file, undefined, account),
      })),
  ).filter(({ config }) => config.apiKey !== undefined);
  if (configured.length === 0) {
    if (options.account !== undefined) {
      const known = [...new Set(VENDORS.flatMap((vendor) => accountsOf(vendor, file)))];
      throw new ConfigError(
        `list: no vendor has an account "${options.account}" with an API key (the accounts are ${known.join(", ")})${didYouMean(options.account, known)}`,
        { field: "account" },
      );
    }
    throw new ConfigError(
      `list: no vendor has an API key: set CAMPAIGNKIT_<VENDOR>_API_KEY, or vendors.<vendor>.apiKey in a config file (--config or CAMPAIGNKIT_CONFIG), or pick one with --vendor`,
    );
  }
  // An ACCOUNT column once more than one account exists.
  const showAccounts = VENDORS.some((vendor) => accountsOf(vendor, file).length > 1);
  const call = { signal: context.signal };
  const listings = await Promise.all(
    configured.map(async ({ vendor, account, config }): Promise<VendorListing> => {
      try {
        await loadVendor(vendor);
        requireSettingsFor(vendor, "listCampaigns", config);
        const provider = providerFor(
          vendor,
          config,
          { apiKey: requireApiKey(vendor, config, { name: account, file }) },
          context,
        );
        const campaigns = await listSome(provider, query, limit, call);
        return { vendor, account, ok: true, campaigns };
      } catch (error) {
        return {
          vendor,
          account,
          ok: false,
          error: tagKeySource(error, keySourceFor(vendor, account, file)),
        };
      }
    }),
  );
  const accountOf = new Map<Campaign, string>();
  for (const listing of listings)
    if (listing.ok)
      for (const campaign of listing.campaigns) accountOf.set(campaign, listing.account);
  const campaigns = listings.flatMap((listing) => (listing.ok ? listing.campaigns : []));
  const failed = listings.filter((listing) => !listing.ok);
  const named = (listing: VendorListing) =>
    showAccounts ? `${listing.vendor} (${listing.account})` : listing.vendor;
  if (options.json)
    output.json(
      campaigns.map((campaign) => ({
        ...campaignJson(campaign, Boolean(options.raw)),
        ...(showAccounts ? { account: accountOf.get(campaign) } : {}),
      })),
    );
  else {
    output.out(
      campaignTable(campaigns, {
        vendorColumn: true,
        ...(showAccounts
          ? { accountOf: (campaign: Campaign) => accountOf.get(campaign) ?? "" }
          : {}),
        ...tableLook(output),
      }),
    );
    const listed = listings.filter((listing) => listing.ok).map(named);
    output.note(
      `${campaigns.length} campaign${campaigns.length === 1 ? "" : "s"} on ${listed.length > 0 ? listed.join(", ") : "no vendor"}${failed.length > 0 ? `; ${failed.map(named).join(", ")} failed` : ""}\n`,
    );
  }
  if (failed.length === 0) return EXIT.OK;
  const { reportError } = await import("../error-report.js");
  for (const listing of failed)
    if (!listing.ok)
      reportError(listing.error, output, { json: Boolean(options.json), env: context.env });
  return context.signal.aborted ? EXIT.INTERRUPTED : EXIT.FAILED;
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
    account?: string;
    "base-url"?: string;
    config?: string;
    json?: boolean;
    raw?: boolean;
    status?: string;
    limit?: string;
    set?: string[];
  };
  if (options.raw && !options.json) {
    throw new UsageError(`${command}: --raw needs --json (it adds each campaign's vendor payload)`);
  }
  if (command === "list" && options.vendor === undefined) {
    return listEveryVendor(positionals, options, context, output);
  }
  const chosen = setup(command, options, context, output);
  try {
    return await runOn(command, chosen, positionals, options, context, output);
  } catch (error) {
    // A refused key of a named account: the hint names that account's variable and entry.
    throw tagKeySource(error, chosen.keySource);
  }
}

async function runOn(
  command: CampaignCommand,
  { vendor, config, account, file }: Setup,
  positionals: readonly string[],
  options: {
    json?: boolean;
    raw?: boolean;
    status?: string;
    limit?: string;
    set?: string[];
  },
  context: CliContext,
  output: Output,
): Promise<number> {
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
      output.note(
        `Plan: update ${vendor} campaign ${id} (nothing is sent; credentials redacted)\n`,
      );
      output.out(formatPlan(plan));
    }
    return EXIT.OK;
  }

  const provider = providerFor(
    vendor,
    config,
    { apiKey: requireApiKey(vendor, config, { name: account, file }) },
    context,
  );
  const raw = Boolean(options.raw);

  if (command === "list") {
    if (positionals.length > 0)
      throw new UsageError(`list: unexpected argument "${positionals[0]}"`);
    const query = listQuery(options.status);
    const limit = positiveInt("limit", options.limit, Number.POSITIVE_INFINITY);
    requireSettingsFor(vendor, "listCampaigns", config);
    const campaigns = await listSome(provider, query, limit, call);
    if (options.json) output.json(campaigns.map((campaign) => campaignJson(campaign, raw)));
    else {
      output.out(campaignTable(campaigns, tableLook(output)));
      output.note(
        `${campaigns.length} campaign${campaigns.length === 1 ? "" : "s"} on ${vendor}\n`,
      );
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
      output.note(`Updated ${vendor} campaign ${id}:\n`);
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
