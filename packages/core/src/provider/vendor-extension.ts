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
  /** Dotted paths the vendor documents as never changeable once the campaign exists. */
  readonly immutable?: readonly string[];
}

/** The value at a dotted path of `fields`, or `undefined`. */
function valueAt(fields: Record<string, unknown>, path: string): unknown {
  let node: unknown = fields;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
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
  const problems: RuleProblem[] = (extension.immutable ?? [])
    .filter((path) => valueAt(own, path) !== undefined)
    .map((path) => ({
      field: `vendor.${vendor}.${path}`,
      rule: `is immutable: ${vendor} refuses to change it once the campaign exists`,
    }));
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
  // An immutable field is named once, by its own rule, not again as undocumented.
  const named = new Set<string>();
  const distinct = problems.filter(
    (problem) => !named.has(problem.field) && named.add(problem.field),
  );
  if (distinct.length > 0) {
    throw new CampaignkitError({
      code: "VALIDATION",
      vendor,
      field: distinct[0]?.field,
      message: `${vendor}: invalid patch: ${distinct.map((p) => `${p.field} ${p.rule}`).join("; ")}`,
      details: { problems: distinct },
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
