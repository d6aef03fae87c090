import { type CampaignPatch, type SchemaRules, validationError } from "@campaignkit/core";
import { isVendor, loadedVendor, type VendorId } from "./vendor-loader.js";

/**
 * A vendor's own field as the CLI names it: `velip.max_answered` in `--set` and as a CSV
 * column, `patch.vendor.velip.max_answered` in the patch. `undefined` for a normalized field.
 */
export function vendorFieldOf(path: string): { vendor: VendorId; name: string } | undefined {
  const [first, name, ...rest] = path.split(".");
  if (!isVendor(first) || name === undefined || rest.length > 0) return undefined;
  return { vendor: first, name };
}

/** The spec's rules for a vendor field, once the vendor is loaded (undefined: not documented). */
function rulesOf(vendor: VendorId, name: string): SchemaRules | undefined {
  return loadedVendor(vendor).extension.fields[name]?.schema;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function typesOf(rules: SchemaRules | undefined): string[] {
  if (rules === undefined || typeof rules === "boolean") return [];
  if (rules.type !== undefined) return [rules.type].flat();
  if (rules.enum) return [...new Set(rules.enum.map((value) => typeof value))];
  return [...(rules.anyOf ?? []), ...(rules.oneOf ?? [])].flatMap(typesOf);
}

/**
 * A vendor field's value from text, by the type its spec gives it: a number where it takes
 * numbers (and the text is one), `true`/`false` for booleans, JSON for objects and arrays, the
 * text itself for strings. Text of another type stays text, so the check names the rule.
 */
export function vendorFieldValue(vendor: VendorId, name: string, text: string): unknown {
  const types = typesOf(rulesOf(vendor, name));
  const trimmed = text.trim();
  const takes = (type: string) => types.includes(type);
  if (takes("string") && !(NUMBER.test(trimmed) && (takes("integer") || takes("number"))))
    return text;
  if ((takes("integer") || takes("number")) && NUMBER.test(trimmed)) return Number(trimmed);
  if (takes("boolean") && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  if (takes("null") && trimmed === "null") return null;
  if (takes("object") || takes("array")) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Where a vendor field goes in the patch input of a change on `vendor`: another vendor's field
 * is a `VALIDATION` error naming it (a line is one campaign on one vendor: nothing is dropped).
 */
export function vendorFieldPath(vendor: string, field: { vendor: VendorId; name: string }): string {
  if (field.vendor !== vendor) {
    throw validationError(
      vendor,
      `${field.vendor}.${field.name}`,
      `is a ${field.vendor} field; this campaign is on ${vendor}`,
    );
  }
  return `vendor.${field.vendor}.${field.name}`;
}

/** The vendor fields a patch sets, as the CLI names them (`velip.max_answered`), with their values. */
export function vendorFieldsSet(patch: CampaignPatch): { field: string; value: unknown }[] {
  return Object.entries(patch.vendor ?? {}).flatMap(([vendor, fields]) =>
    Object.entries(fields).map(([name, value]) => ({ field: `${vendor}.${name}`, value })),
  );
}

/**
 * Lines that show what an update set of the vendor's own fields: the value the vendor reports
 * for a field it reads back (from its payload), or the value sent and "not reported by the
 * vendor" for one it does not, instead of leaving it out.
 */
export function vendorFieldLines(vendor: VendorId, patch: CampaignPatch, raw: unknown): string[] {
  const fields = loadedVendor(vendor).extension.fields;
  return vendorFieldsSet(patch).map(({ field, value }) => {
    const name = field.slice(vendor.length + 1);
    const reported =
      fields[name]?.readBack && raw !== null && typeof raw === "object" && name in raw
        ? (raw as Record<string, unknown>)[name]
        : undefined;
    return reported === undefined
      ? `  ${field}: ${JSON.stringify(value)} (sent; not reported by the vendor)\n`
      : `  ${field}: ${JSON.stringify(reported)}\n`;
  });
}
