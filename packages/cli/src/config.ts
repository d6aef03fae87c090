import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "./exit-codes.js";
import { isVendor, VENDORS, type VendorId } from "./vendors.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** One vendor's settings, from the environment, the config file and flags. */
export interface VendorConfig {
  apiKey?: string;
  baseURL?: string;
  tenantId?: number;
}

/** The config file: `{ "vendors": { "altur": { "apiKey": "…", "baseURL": "…" } } }`. */
export interface ConfigFile {
  path: string;
  vendors: Partial<Record<VendorId, VendorConfig>>;
}

/** The environment variable that holds a vendor setting. */
export function envName(vendor: VendorId, setting: "API_KEY" | "BASE_URL" | "TENANT_ID"): string {
  return `CAMPAIGNKIT_${vendor.toUpperCase()}_${setting}`;
}

const VENDOR_KEYS = new Set(["apiKey", "baseURL", "tenantId"]);

function parseTenantId(value: unknown, where: string): number {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number <= 0) {
    throw new ConfigError(`${where} must be a positive whole number`);
  }
  return number;
}

/** Reads and checks a config file. Errors name the file and the field, never a value. */
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
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigError(`the config file ${path} must hold a JSON object`);
  }
  const vendors = (data as { vendors?: unknown }).vendors ?? {};
  if (typeof vendors !== "object" || vendors === null || Array.isArray(vendors)) {
    throw new ConfigError(`${path}: "vendors" must be an object keyed by vendor`);
  }
  const result: ConfigFile = { path, vendors: {} };
  for (const [vendor, settings] of Object.entries(vendors)) {
    if (!isVendor(vendor)) {
      throw new ConfigError(`${path}: vendors.${vendor} is not a vendor (${VENDORS.join(", ")})`);
    }
    if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
      throw new ConfigError(`${path}: vendors.${vendor} must be an object`);
    }
    const entry: VendorConfig = {};
    for (const [key, value] of Object.entries(settings)) {
      const field = `${path}: vendors.${vendor}.${key}`;
      if (!VENDOR_KEYS.has(key)) {
        throw new ConfigError(`${field} is not a setting (apiKey, baseURL, tenantId)`);
      }
      if (key === "tenantId") entry.tenantId = parseTenantId(value, field);
      else if (typeof value !== "string" || value === "") {
        throw new ConfigError(`${field} must be a non-empty string`);
      } else entry[key as "apiKey" | "baseURL"] = value;
    }
    result.vendors[vendor] = entry;
  }
  return result;
}

/** The config file named by `--config`, else by `CAMPAIGNKIT_CONFIG`, else none. */
export function configFileFrom(
  flag: string | undefined,
  env: Env,
  cwd: string,
): ConfigFile | undefined {
  const path = flag ?? env.CAMPAIGNKIT_CONFIG;
  return path ? loadConfigFile(path, cwd) : undefined;
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
  const tenantText = env[envName(vendor, "TENANT_ID")];
  const tenantId =
    tenantText !== undefined && tenantText !== ""
      ? parseTenantId(tenantText, envName(vendor, "TENANT_ID"))
      : fromFile.tenantId;
  return {
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(tenantId !== undefined ? { tenantId } : {}),
  };
}

/** The vendor's API key, or exit 3 with a message naming where to put it. */
export function requireApiKey(vendor: VendorId, config: VendorConfig): string {
  if (config.apiKey) return config.apiKey;
  throw new ConfigError(
    `${vendor}: no API key: set ${envName(vendor, "API_KEY")}, or vendors.${vendor}.apiKey in a config file (--config or CAMPAIGNKIT_CONFIG)`,
  );
}

/** Every credential the environment and the config file hold: never to be printed. */
export function secretsOf(env: Env, file: ConfigFile | undefined): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (/^CAMPAIGNKIT_.*_API_KEY$/.test(name) && value) secrets.add(value);
  }
  for (const settings of Object.values(file?.vendors ?? {})) {
    if (settings?.apiKey) secrets.add(settings.apiKey);
  }
  return [...secrets];
}
