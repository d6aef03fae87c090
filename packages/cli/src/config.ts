import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { VendorSettingSpec } from "@campaignkit/core";
import * as z from "zod/mini";
import { ConfigError } from "./exit-codes.js";
import type { Env } from "./secrets.js";
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
  [setting: string]: string | number | boolean | undefined;
}

/** The config file: `{ "vendors": { "altur": { "apiKey": "…", "baseURL": "…" } } }`. */
export interface ConfigFile {
  path: string;
  vendors: Partial<Record<VendorId, VendorConfig>>;
}

/** The environment variable that holds a vendor setting: `tenantId` → `CAMPAIGNKIT_VOXO_TENANT_ID`. */
export function envName(vendor: VendorId, setting: string): string {
  const snake = setting.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  return `CAMPAIGNKIT_${vendor.toUpperCase()}_${snake}`;
}

const COMMON_KEYS = ["apiKey", "baseURL", "allowInsecureBaseURL"] as const;
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
      ...(Object.fromEntries(declared) as Record<
        string,
        z.ZodMiniOptional<z.ZodMiniPipe<z.ZodMiniUnknown, z.ZodMiniTransform<string | number>>>
      >),
    },
    { error: "must be an object" },
  );
}

const VENDOR_SETTINGS = Object.fromEntries(
  VENDORS.map((vendor) => [vendor, z.optional(vendorSettingsSchema(vendor))]),
) as { [V in VendorId]: z.ZodMiniOptional<ReturnType<typeof vendorSettingsSchema>> };

const ConfigFileSchema = z.object(
  {
    vendors: z.optional(
      z.strictObject(VENDOR_SETTINGS, { error: "must be an object keyed by vendor" }),
    ),
  },
  { error: "must hold a JSON object" },
);

/** One line for a config problem: where (the key path) and the rule, never the value. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.join(".");
  if (issue.code === "unrecognized_keys") {
    const key = `${where}.${issue.keys[0]}`;
    if (issue.path.length === 1) return `${key} is not a vendor (${VENDORS.join(", ")})`;
    const vendor = issue.path[1] as VendorId;
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
  for (const [vendor, settings] of Object.entries(parsed.data.vendors ?? {})) {
    if (settings) vendors[vendor as VendorId] = settings;
  }
  return { path, vendors };
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

/** A vendor's settings: `--base-url` first, then the environment, then the config file. */
export function vendorConfig(
  vendor: VendorId,
  env: Env,
  file: ConfigFile | undefined,
  baseURLFlag?: string,
): VendorConfig {
  const fromFile = file?.vendors[vendor] ?? {};
  const apiKey = env[envName(vendor, "API_KEY")] || fromFile.apiKey;
  const baseURL = baseURLFlag || env[envName(vendor, "BASE_URL")] || fromFile.baseURL;
  const insecureEnv = env[envName(vendor, "ALLOW_INSECURE_BASE_URL")];
  if (insecureEnv !== undefined && !["", "0", "1", "true", "false"].includes(insecureEnv)) {
    throw new ConfigError(`${envName(vendor, "ALLOW_INSECURE_BASE_URL")} must be 1 or 0`);
  }
  const allowInsecure =
    insecureEnv === "1" || insecureEnv === "true" || fromFile.allowInsecureBaseURL === true;
  const config: VendorConfig = {
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(allowInsecure ? { allowInsecureBaseURL: true } : {}),
  };
  for (const [name, spec] of Object.entries(settingsOf(vendor))) {
    const fromEnv = env[envName(vendor, name)];
    let value = fromFile[name];
    if (fromEnv !== undefined && fromEnv !== "") {
      value = settingValueOf(spec, fromEnv);
      if (value === undefined) throw new ConfigError(`${envName(vendor, name)} ${ruleOf(spec)}`);
    }
    if (value !== undefined) config[name] = value;
  }
  return config;
}

/** The vendor's API key, or exit 3 with a message naming where to put it. */
export function requireApiKey(vendor: VendorId, config: VendorConfig): string {
  if (config.apiKey) return config.apiKey;
  throw new ConfigError(
    `${vendor}: no API key: set ${envName(vendor, "API_KEY")}, or vendors.${vendor}.apiKey in a config file (--config, CAMPAIGNKIT_CONFIG or $XDG_CONFIG_HOME/campaignkit/config.json)`,
  );
}
