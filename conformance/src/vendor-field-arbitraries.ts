// Values for a vendor's own documented fields (`patch.vendor.<vendor>`), drawn from the rules its
// spec gives each field (the generated extension): valid ones, and the junk a careless caller
// writes. The properties check that campaignkit's own rule check agrees with the spec validator.
import type { SchemaRules, VendorExtensionSpec } from "@campaignkit/core";
import fc from "fast-check";

const junk = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ unknown: 1 }),
);

/** A value that keeps every rule of `rules`. */
export function validFor(rules: SchemaRules): fc.Arbitrary<unknown> {
  if (rules === true) return junk;
  if (rules === false) return fc.constant(undefined);
  const alternatives = rules.anyOf ?? rules.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validFor));
  if (rules.enum) return fc.constantFrom(...rules.enum);
  if ("const" in rules) return fc.constant(rules.const);
  const types = rules.type === undefined ? [] : [rules.type].flat();
  return fc.oneof(...(types.length ? types : ["string"]).map((type) => ofType(type, rules)));
}

function ofType(type: string, rules: Exclude<SchemaRules, boolean>): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = rules.minimum ?? (rules.exclusiveMinimum ?? -1_000_001) + 1;
      const max = rules.maximum ?? (rules.exclusiveMaximum ?? 1_000_001) - 1;
      return fc.integer({ min, max });
    }
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: rules.minimum ?? rules.exclusiveMinimum ?? -1e6,
        max: rules.maximum ?? rules.exclusiveMaximum ?? 1e6,
        minExcluded: rules.minimum === undefined && rules.exclusiveMinimum !== undefined,
        maxExcluded: rules.maximum === undefined && rules.exclusiveMaximum !== undefined,
      });
    case "array":
      return fc.array(rules.items === undefined ? junk : validFor(rules.items), {
        minLength: rules.minItems ?? 0,
        maxLength: Math.min(rules.maxItems ?? 3, 3),
      });
    case "object": {
      const properties = rules.properties ?? {};
      const required = (rules.required ?? []).filter((key) => key in properties);
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, validFor(value)]),
        ),
        { requiredKeys: required },
      );
    }
    default: {
      if (rules.format === "date" || rules.format === "date-time") {
        const day = fc
          .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString());
        return rules.format === "date" ? day.map((text) => text.slice(0, 10)) : day;
      }
      const length = { minLength: rules.minLength ?? 0, maxLength: rules.maxLength ?? 20 };
      const text = rules.pattern
        ? fc.stringMatching(new RegExp(rules.pattern, "u"))
        : fc.string({ ...length, unit: "grapheme" });
      return text.filter((value) => {
        const size = [...value].length;
        return size >= length.minLength && size <= (rules.maxLength ?? Number.POSITIVE_INFINITY);
      });
    }
  }
}

/** One to three of the vendor's own fields with valid values, or `undefined` when it has none. */
export function validVendorFields(
  extension: VendorExtensionSpec,
): fc.Arbitrary<Record<string, unknown> | undefined> {
  const fields = Object.entries(extension.fields);
  if (fields.length === 0) return fc.constant(undefined);
  return fc.option(
    fc.record(Object.fromEntries(fields.map(([name, field]) => [name, validFor(field.schema)])), {
      requiredKeys: [],
    }),
    { nil: undefined },
  );
}

/** The vendor's own fields as a careless caller sets them: valid, junk, or unknown names. */
export function anyVendorFields(
  extension: VendorExtensionSpec,
): fc.Arbitrary<Record<string, unknown> | undefined> {
  const fields = Object.entries(extension.fields);
  return fc.option(
    fc.record(
      {
        ...Object.fromEntries(
          fields.map(([name, field]) => [name, fc.oneof(validFor(field.schema), junk)]),
        ),
        not_a_documented_field: junk,
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );
}

/** `patch` with `fields` as its own vendor entry (nothing added when there are none). */
export function withVendorFields(
  vendor: string,
  patch: Record<string, unknown>,
  fields: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return fields && Object.keys(fields).length > 0
    ? { ...patch, vendor: { [vendor]: fields } }
    : patch;
}
