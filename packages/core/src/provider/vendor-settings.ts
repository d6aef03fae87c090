import { validationError } from "../errors.js";
import type { ProviderOperation } from "./capabilities.js";

/**
 * One setting a vendor's provider takes beyond the common ones (`apiKey`, `baseURL`, …),
 * described as data so the CLI can offer it as a config key and an environment variable.
 */
export interface VendorSettingSpec {
  type: "positive-integer" | "string";
  /** What it is, for help texts and errors: "the tenant whose campaigns listCampaigns reads". */
  description: string;
  /** The operation that cannot run without it. */
  requiredFor?: ProviderOperation;
}

/** A vendor's extra settings, by name: `{ tenantId: { type: "positive-integer", … } }`. */
export type VendorSettingsSchema = Readonly<Record<string, VendorSettingSpec>>;

type SettingValue<Spec extends VendorSettingSpec> = Spec["type"] extends "positive-integer"
  ? number
  : string;

/** The typed values of a settings schema, every one optional. */
export type VendorSettingValues<Schema extends VendorSettingsSchema> = {
  -readonly [Name in keyof Schema]?: SettingValue<Schema[Name]>;
};

/** Whether `value` is what `spec` declares. */
function isSettingValue(spec: VendorSettingSpec, value: unknown): boolean {
  if (spec.type === "string") return typeof value === "string" && value.trim() !== "";
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** The rule of a setting as an error message says it. */
export function settingRule(spec: VendorSettingSpec): string {
  return spec.type === "string" ? "must be a non-empty string" : "must be a positive whole number";
}

/**
 * The extra settings of `settings` that `schema` declares, checked: a `VALIDATION` error naming
 * the setting when one has the wrong type, before any request.
 */
export function parseVendorSettings<Schema extends VendorSettingsSchema>(
  vendor: string,
  schema: Schema,
  settings: object,
): VendorSettingValues<Schema> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const value = (settings as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (!isSettingValue(spec, value)) {
      throw validationError(vendor, name, settingRule(spec));
    }
    values[name] = value;
  }
  return values as VendorSettingValues<Schema>;
}

/** The value of a setting an operation needs, or a `VALIDATION` error saying how to pass it. */
export function requiredSetting<T>(
  vendor: string,
  name: string,
  spec: VendorSettingSpec | undefined,
  value: T | undefined,
): T {
  if (value !== undefined) return value;
  throw validationError(
    vendor,
    name,
    `${spec?.requiredFor ?? "this call"} needs ${spec?.description ?? name}: pass ${name} in the provider's settings`,
  );
}
