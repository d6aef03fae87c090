import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { VendorSettingSpec } from "@campaignkit/core";
import * as z from "zod/mini";
import { ConfigError } from "./exit-codes.js";
import type { Env } from "./secrets.js";
import { didYouMean } from "./suggest.js";
import { settingsOf, VENDORS, type VendorId } from "./vendor-loader.js";

export { type Env, secretsOf } from "./secrets.js";

/**
 * One vendor's settings, from the environment, the config file and flags: the common ones, and
 * those the vendor's definition declares (VOXO's `tenantId`), already parsed.
 */
export interface VendorConfig {
  apiKey?: string;
  baseURL?: string;
  /** Allow an `http:` base URL on a host that is not loopback (credentials in clear text). */
  allowInsecureBaseURL?: boolean;
  /** The largest answer accepted, in bytes (the providers' default is 10 MiB). */
  maxResponseBytes?: number;
  [setting: string]: string | number | boolean | undefined;
}

/** A vendor's named accounts in the config file, and which one is used without `--account`. */
export interface VendorAccounts {
  /** Each account's settings, by name. */
  accounts: Record<string, VendorConfig>;
  /** The account used without `--account`, if there is one. */
  default?: string;
}

/**
 * The config file: `{ "vendors": { "altur": { "apiKey": "…", "baseURL": "…" } } }`, or per
 * vendor `{ "accounts": { "acme": { "apiKey": "…" }, … }, "default": "acme" }`.
 */
export interface ConfigFile {
  path: string;
  /** Each vendor's settings for its default account (the single-account shape, or `default`). */
  vendors: Partial<Record<VendorId, VendorConfig>>;
  /** The vendors configured with named accounts. */
  accounts?: Partial<Record<VendorId, VendorAccounts>>;
}

/** The name of the one account of a vendor configured without `accounts`. */
export const DEFAULT_ACCOUNT = "default";

/** What an account name must look like. */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const ACCOUNT_RULE = "must be 1–32 characters: a-z, 0-9, _ and -, starting with a letter or digit";

/** The environment variable that holds a vendor setting: `tenantId` → `CAMPAIGNKIT_VOXO_TENANT_ID`. */
export function envName(vendor: VendorId, setting: string): string {
  const snake = setting.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  return `CAMPAIGNKIT_${vendor.toUpperCase()}_${snake}`;
}

const COMMON_KEYS = ["apiKey", "baseURL", "allowInsecureBaseURL", "maxResponseBytes"] as const;
const POSITIVE_RULE = "must be a positive whole number";
const TEXT_RULE = "must be a non-empty string";

/** A positive whole number, or its digits as a string (as from the environment). */
function positiveIntegerOf(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0
    ? number
    : undefined;
}

/** A declared setting's value from a config file or an environment variable, or `undefined`. */
function settingValueOf(spec: VendorSettingSpec, value: unknown): string | number | undefined {
  if (spec.type === "positive-integer") return positiveIntegerOf(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

const ruleOf = (spec: VendorSettingSpec) =>
  spec.type === "positive-integer" ? POSITIVE_RULE : TEXT_RULE;

const text = z.string({ error: TEXT_RULE }).check(z.minLength(1, { error: TEXT_RULE }));
const positiveInteger = z
  .number({ error: POSITIVE_RULE })
  .check(z.refine((value) => positiveIntegerOf(value) !== undefined, POSITIVE_RULE));

/** The common settings, and those the vendor's definition declares (from the registry). */
function vendorSettingsSchema(vendor: VendorId) {
  const declared = Object.entries(settingsOf(vendor)).map(([name, spec]) => [
    name,
    z.optional(
      z.pipe(
        z
          .unknown()
          .check(z.refine((value) => settingValueOf(spec, value) !== undefined, ruleOf(spec))),
        z.transform((value) => settingValueOf(spec, value) as string | number),
      ),
    ),
  ]);
  return z.strictObject(
    {
      apiKey: z.optional(text),
      baseURL: z.optional(text),
      allowInsecureBaseURL: z.optional(z.boolean({ error: "must be true or false" })),
      maxResponseBytes: z.optional(positiveInteger),
      ...(Object.fromEntries(declared) as Record<
        string,
        z.ZodMiniOptional<z.ZodMiniPipe<z.ZodMiniUnknown, z.ZodMiniTransform<string | number>>>
      >),
    },
    { error: "must be an object" },
  );
}

/** One vendor's entry: today's settings object, or `{ accounts: { <name>: settings }, default? }`. */
function vendorEntrySchema(vendor: VendorId) {
  const settings = vendorSettingsSchema(vendor);
  const accounts = z
    .strictObject(
      {
        accounts: z
          .record(z.string(), settings, { error: "must be an object keyed by account name" })
          .check(
            z.refine((value) => Object.keys(value).length > 0, "must name at least one account"),
            z.refine(
              (value) => Object.keys(value).every((name) => ACCOUNT_NAME.test(name)),
              `names ${ACCOUNT_RULE}`,
            ),
          ),
        default: z.optional(z.string({ error: "must be an account name" })),
      },
      { error: "must be an object" },
    )
    .check(
      z.refine(
        (value) => value.default === undefined || Object.hasOwn(value.accounts, value.default),
        { message: "must be one of the accounts", path: ["default"] },
      ),
    );
  return { accounts, settings };
}

const VENDOR_ENTRIES = Object.fromEntries(
  VENDORS.map((vendor) => [vendor, vendorEntrySchema(vendor)]),
) as { [V in VendorId]: ReturnType<typeof vendorEntrySchema> };

const VENDOR_SETTINGS = Object.fromEntries(
  VENDORS.map((vendor) => [vendor, z.optional(z.unknown())]),
) as { [V in VendorId]: z.ZodMiniOptional<z.ZodMiniUnknown> };

/** Whether a vendor's entry is the accounts shape (it has an `accounts` key). */
const isAccountsEntry = (entry: unknown): boolean =>
  typeof entry === "object" && entry !== null && !Array.isArray(entry) && "accounts" in entry;

const ConfigFileSchema = z.object(
  {
    vendors: z.optional(
      z.strictObject(VENDOR_SETTINGS, { error: "must be an object keyed by vendor" }),
    ),
  },
  { error: "must hold a JSON object" },
);

/** One line for a config problem: where (the key path) and the rule, never the value. */
function describeIssue(issue: z.core.$ZodIssue, accountsShape = false): string {
  const where = issue.path.join(".");
  if (issue.code === "unrecognized_keys") {
    const key = `${where}.${issue.keys[0]}`;
    if (issue.path.length === 1) return `${key} is not a vendor (${VENDORS.join(", ")})`;
    const vendor = issue.path[1] as VendorId;
    if (accountsShape && issue.path.length === 2)
      return `${key} is not a key of an accounts entry (accounts, default)`;
    const settings = [...COMMON_KEYS, ...Object.keys(settingsOf(vendor))];
    return `${key} is not a setting (${settings.join(", ")})`;
  }
  return where === "" ? issue.message : `${where} ${issue.message}`;
}

/** Reads and checks a config file. Errors name the file and the key, never a value. */
export function loadConfigFile(path: string, cwd: string): ConfigFile {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    throw new ConfigError(
      `cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(`the config file ${path} is not valid JSON`);
  }
  const parsed = ConfigFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `the config file ${path}: ${issue ? describeIssue(issue) : "is invalid"}`,
    );
  }
  const vendors: ConfigFile["vendors"] = {};
  const accounts: NonNullable<ConfigFile["accounts"]> = {};
  for (const [vendor, given] of Object.entries(parsed.data.vendors ?? {})) {
    if (given === undefined) continue;
    const schemas = VENDOR_ENTRIES[vendor as VendorId];
    const checkedBy = <T>(schema: z.ZodMiniType<T>, accountsShape: boolean): T => {
      const checked = schema.safeParse(given);
      if (checked.success) return checked.data;
      const issue = checked.error.issues[0];
      const where = issue
        ? describeIssue({ ...issue, path: ["vendors", vendor, ...issue.path] }, accountsShape)
        : `vendors.${vendor} is invalid`;
      throw new ConfigError(`the config file ${path}: ${where}`);
    };
    if (isAccountsEntry(given)) {
      const named: VendorAccounts = checkedBy(schemas.accounts, true);
      const fallback = defaultAccountOf(named);
      accounts[vendor as VendorId] = {
        accounts: named.accounts,
        ...(fallback === undefined ? {} : { default: fallback }),
      };
      if (fallback !== undefined) {
        vendors[vendor as VendorId] = named.accounts[fallback] as VendorConfig;
      }
    } else vendors[vendor as VendorId] = checkedBy<VendorConfig>(schemas.settings, false);
  }
  return { path, vendors, ...(Object.keys(accounts).length > 0 ? { accounts } : {}) };
}

/**
 * The account used without `--account`: `default` when given, else the one named "default",
 * else the only one; none when there are several and no `default`.
 */
function defaultAccountOf(entry: VendorAccounts): string | undefined {
  if (entry.default !== undefined) return entry.default;
  const names = Object.keys(entry.accounts);
  if (names.includes(DEFAULT_ACCOUNT)) return DEFAULT_ACCOUNT;
  return names.length === 1 ? names[0] : undefined;
}

/** The accounts configured for a vendor, by name (`default` for the single-account shape). */
export function accountsOf(vendor: VendorId, file: ConfigFile | undefined): string[] {
  const named = file?.accounts?.[vendor];
  return named ? Object.keys(named.accounts) : [DEFAULT_ACCOUNT];
}

/** Whether a vendor has named accounts in the config file. */
export function hasNamedAccounts(vendor: VendorId, file: ConfigFile | undefined): boolean {
  return file?.accounts?.[vendor] !== undefined;
}

/**
 * The account a command runs with: `--account` (checked against the configured ones: an
 * unknown one is a configuration error naming them), else the vendor's default account.
 */
export function accountFor(
  vendor: VendorId,
  file: ConfigFile | undefined,
  asked: string | undefined,
): string {
  const named = file?.accounts?.[vendor];
  const known = accountsOf(vendor, file);
  if (asked !== undefined) {
    if (known.includes(asked)) return asked;
    throw new ConfigError(
      `${vendor}: no account "${asked}": the accounts are ${known.join(", ")}${didYouMean(asked, known)}`,
      {
        vendor,
        field: "account",
        hint: `add it as vendors.${vendor}.accounts.${ACCOUNT_NAME.test(asked) ? asked : "<name>"} in the config file${file ? ` (${file.path})` : ""}`,
      },
    );
  }
  if (!named) return DEFAULT_ACCOUNT;
  if (named.default !== undefined) return named.default;
  throw new ConfigError(
    `${vendor}: several accounts (${known.join(", ")}) and no default: pick one with --account, or set vendors.${vendor}.default in the config file`,
    { vendor, field: "account" },
  );
}

/** The environment variable of a named account's setting: `CAMPAIGNKIT_ALTUR_ACME_CORP_API_KEY`. */
export function accountEnvName(vendor: VendorId, account: string, setting: string): string {
  return envName(vendor, setting).replace(
    `CAMPAIGNKIT_${vendor.toUpperCase()}_`,
    `CAMPAIGNKIT_${vendor.toUpperCase()}_${account.toUpperCase().replaceAll("-", "_")}_`,
  );
}

/** Where an account's key is set: its environment variable and its config entry. */
export function keySourceOf(
  vendor: VendorId,
  account: string,
  file: ConfigFile | undefined,
): { variable: string; entry: string } {
  if (hasNamedAccounts(vendor, file)) {
    const isDefault = file?.accounts?.[vendor]?.default === account;
    return {
      variable: `${accountEnvName(vendor, account, "API_KEY")}${isDefault ? ` (or ${envName(vendor, "API_KEY")})` : ""}`,
      entry: `vendors.${vendor}.accounts.${account}.apiKey`,
    };
  }
  return { variable: envName(vendor, "API_KEY"), entry: `vendors.${vendor}.apiKey` };
}

/**
 * The per-user config file: `$XDG_CONFIG_HOME/campaignkit/config.json`, or
 * `~/.config/campaignkit/config.json` when `XDG_CONFIG_HOME` is unset or not absolute (the XDG
 * base directory rule).
 */
export function defaultConfigPath(env: Env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "campaignkit", "config.json");
}

/**
 * The config file named by `--config`, else by `CAMPAIGNKIT_CONFIG`, else the per-user one
 * (`defaultConfigPath`) when it exists, else none.
 */
export function configFileFrom(
  flag: string | undefined,
  env: Env,
  cwd: string,
): ConfigFile | undefined {
  const path = flag ?? env.CAMPAIGNKIT_CONFIG;
  if (path) return loadConfigFile(path, cwd);
  const fallback = defaultConfigPath(env);
  return existsSync(fallback) ? loadConfigFile(fallback, cwd) : undefined;
}

/**
 * A vendor's settings for one account: `--base-url` first, then the environment, then the config
 * file. The default account reads `CAMPAIGNKIT_<VENDOR>_<SETTING>`; a named account reads
 * `CAMPAIGNKIT_<VENDOR>_<ACCOUNT>_<SETTING>` first (and the vendor-wide variables too when it is
 * the default one). Without `account`, the vendor's default account.
 */
export function vendorConfig(
  vendor: VendorId,
  env: Env,
  file: ConfigFile | undefined,
  baseURLFlag?: string,
  account?: string,
): VendorConfig {
  const named = file?.accounts?.[vendor];
  const chosen = account ?? (named ? named.default : DEFAULT_ACCOUNT);
  const isDefault = named ? chosen !== undefined && chosen === named.default : true;
  const fromFile: VendorConfig =
    (named ? (chosen === undefined ? undefined : named.accounts[chosen]) : file?.vendors[vendor]) ??
    {};
  /** The environment variable a setting is read from (the account's first), and its value. */
  const fromEnv = (setting: string): { name: string; value: string | undefined } => {
    if (named && chosen !== undefined) {
      const own = accountEnvName(vendor, chosen, setting);
      if (env[own] !== undefined && env[own] !== "") return { name: own, value: env[own] };
      if (!isDefault) return { name: own, value: undefined };
    }
    return { name: envName(vendor, setting), value: env[envName(vendor, setting)] };
  };
  const apiKey = fromEnv("API_KEY").value || fromFile.apiKey;
  const baseURL = baseURLFlag || fromEnv("BASE_URL").value || fromFile.baseURL;
  const insecure = fromEnv("ALLOW_INSECURE_BASE_URL");
  const insecureEnv = insecure.value;
  if (insecureEnv !== undefined && !["", "0", "1", "true", "false"].includes(insecureEnv)) {
    throw new ConfigError(`${insecure.name} must be 1 or 0`);
  }
  const allowInsecure =
    insecureEnv === "1" || insecureEnv === "true" || fromFile.allowInsecureBaseURL === true;
  const cap = fromEnv("MAX_RESPONSE_BYTES");
  const maxResponseBytes =
    cap.value !== undefined && cap.value !== ""
      ? positiveIntegerOf(cap.value)
      : fromFile.maxResponseBytes;
  if (maxResponseBytes === undefined && cap.value)
    throw new ConfigError(`${cap.name} ${POSITIVE_RULE} (bytes)`);
  const config: VendorConfig = {
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(allowInsecure ? { allowInsecureBaseURL: true } : {}),
    ...(maxResponseBytes ? { maxResponseBytes } : {}),
  };
  for (const [name, spec] of Object.entries(settingsOf(vendor))) {
    const variable = fromEnv(name);
    let value = fromFile[name];
    if (variable.value !== undefined && variable.value !== "") {
      value = settingValueOf(spec, variable.value);
      if (value === undefined) throw new ConfigError(`${variable.name} ${ruleOf(spec)}`);
    }
    if (value !== undefined) config[name] = value;
  }
  return config;
}

/** The vendor's API key, or exit 3 with a message naming where to put it. */
export function requireApiKey(
  vendor: VendorId,
  config: VendorConfig,
  account?: { name: string; file: ConfigFile | undefined },
): string {
  if (config.apiKey) return config.apiKey;
  if (account && hasNamedAccounts(vendor, account.file)) {
    const source = keySourceOf(vendor, account.name, account.file);
    throw new ConfigError(
      `${vendor} account ${account.name}: no API key: set ${source.variable}, or ${source.entry} in the config file`,
      { vendor, field: "apiKey" },
    );
  }
  throw new ConfigError(
    `${vendor}: no API key: set ${envName(vendor, "API_KEY")}, or vendors.${vendor}.apiKey in a config file (--config, CAMPAIGNKIT_CONFIG or $XDG_CONFIG_HOME/campaignkit/config.json)`,
  );
}
