import { CampaignkitError } from "../errors.js";
import type { CampaignPatch } from "../model/campaign-patch.js";
import { checkRules, type RuleProblem, type SchemaRules } from "./schema-rules.js";

/** One documented writable field beyond the normalized patch, as the vendor's spec gives it. */
export interface VendorExtensionField {
  /** The spec's rules for its value, checked before sending. */
  readonly schema: SchemaRules;
  /** Whether the campaign the vendor answers with shows the field (else the CLI says it is not reported). */
  readonly readBack: boolean;
}

/**
 * A vendor's patch extension (`patch.vendor.<vendor>`), generated from its spec into
 * `src/generated/<vendor>-extension.ts`: the operation whose request body takes the fields, and
 * each field's rules. A vendor with nothing beyond the normalized patch has no operation.
 */
export interface VendorExtensionSpec {
  readonly operationId: string | undefined;
  readonly fields: Readonly<Record<string, VendorExtensionField>>;
}

/**
 * The fields `patch.vendor[vendor]` sets, checked against the vendor's rules: an unknown field or
 * a value that breaks its rule is `VALIDATION`, naming `vendor.<vendor>.<field>` and the rule,
 * before anything is sent. Other vendors' entries are left alone (one patch may carry several,
 * as in vercel/ai's `providerOptions`). `undefined` when the patch sets none.
 */
export function vendorFieldsOf(
  vendor: string,
  extension: VendorExtensionSpec,
  patch: CampaignPatch,
): Record<string, unknown> | undefined {
  const own = patch.vendor?.[vendor];
  if (own === undefined) return undefined;
  const problems: RuleProblem[] = [];
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(own)) {
    if (value === undefined) continue;
    const field = `vendor.${vendor}.${name}`;
    const declared = extension.fields[name];
    if (!declared) {
      const known = Object.keys(extension.fields);
      problems.push({
        field,
        rule: known.length
          ? `is not a documented writable field of ${vendor} beyond the normalized patch (${known.join(", ")})`
          : `is not accepted: ${vendor} documents no writable field beyond the normalized patch`,
      });
      continue;
    }
    problems.push(...checkRules(value, declared.schema, field));
    fields[name] = value;
  }
  if (problems.length > 0) {
    throw new CampaignkitError({
      code: "VALIDATION",
      vendor,
      field: problems[0]?.field,
      message: `${vendor}: invalid patch: ${problems.map((p) => `${p.field} ${p.rule}`).join("; ")}`,
      details: { problems },
    });
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * A checked patch's own vendor fields (`validPatch` has checked them against the spec), for the
 * vendor's converter to merge into its request body; `{}` when there are none.
 */
export function vendorFieldsIn<Extension extends object>(
  patch: CampaignPatch,
  vendor: string,
): Extension {
  return (patch.vendor?.[vendor] ?? {}) as Extension;
}
