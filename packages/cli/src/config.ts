import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as z from "zod/mini";
import { ConfigError } from "./exit-codes.js";
import type { Env } from "./secrets.js";
import { VENDORS, type VendorId } from "./vendor-loader.js";

export { type Env, secretsOf } from "./secrets.js";

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

const SETTINGS = ["apiKey", "baseURL", "tenantId"] as const;
const TENANT_RULE = "must be a positive whole number";

/** A tenant id: a positive whole number, or its digits as a string (as from the environment). */
function tenantIdOf(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0
    ? number
    : undefined;
}

const text = z
  .string({ error: "must be a non-empty string" })
  .check(z.minLength(1, { error: "must be a non-empty string" }));

const VendorSettingsSchema = z.strictObject(
  {
    apiKey: z.optional(text),
    baseURL: z.optional(text),
    tenantId: z.optional(
      z.pipe(
        z.unknown().check(z.refine((value) => tenantIdOf(value) !== undefined, TENANT_RULE)),
        z.transform((value) => tenantIdOf(value) as number),
      ),
    ),
  },
  { error: "must be an object" },
);

const ConfigFileSchema = z.object(
  {
    vendors: z.optional(
      z.strictObject(
        Object.fromEntries(VENDORS.map((vendor) => [vendor, z.optional(VendorSettingsSchema)])) as {
          [V in VendorId]: z.ZodMiniOptional<typeof VendorSettingsSchema>;
        },
        { error: "must be an object keyed by vendor" },
      ),
    ),
  },
  { error: "must hold a JSON object" },
);

/** One line for a config problem: where (the key path) and the rule, never the value. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.join(".");
  if (issue.code === "unrecognized_keys") {
    const key = `${where}.${issue.keys[0]}`;
    return issue.path.length === 1
      ? `${key} is not a vendor (${VENDORS.join(", ")})`
      : `${key} is not a setting (${SETTINGS.join(", ")})`;
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
  let tenantId = fromFile.tenantId;
  if (tenantText !== undefined && tenantText !== "") {
    tenantId = tenantIdOf(tenantText);
    if (tenantId === undefined)
      throw new ConfigError(`${envName(vendor, "TENANT_ID")} ${TENANT_RULE}`);
  }
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
