import { type Json, type JsonObject, listOperations, SchemaValidator } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { listSpecVendors, loadSpec } from "./specs.ts";

interface ExampleCase {
  where: string;
  schema: Json;
  value: Json;
  /** `x-invalid-request` of a request-body example: why it breaks its schema on purpose. */
  invalid?: Json;
}

const asObject = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

function examplesOf(owner: JsonObject, where: string, schema: Json): ExampleCase[] {
  return Object.entries(asObject(owner.examples)).map(([name, example]) => ({
    where: `${where} example "${name}"`,
    schema,
    value: asObject(example).value as Json,
    ...("x-invalid-request" in asObject(example)
      ? { invalid: asObject(example)["x-invalid-request"] }
      : {}),
  }));
}

function collectExampleCases(vendor: string): ExampleCase[] {
  const spec = loadSpec(vendor);
  const cases: ExampleCase[] = [];
  for (const op of listOperations(spec)) {
    const at = `${op.operationId}`;
    for (const parameter of op.parameters) {
      cases.push(
        ...examplesOf(
          parameter,
          `${at} ${parameter.in} parameter ${parameter.name}`,
          parameter.schema as Json,
        ),
      );
    }
    for (const [media, content] of Object.entries(
      asObject(asObject(op.definition.requestBody).content),
    )) {
      cases.push(
        ...examplesOf(
          asObject(content),
          `${at} request ${media}`,
          asObject(content).schema as Json,
        ),
      );
    }
    for (const [status, response] of Object.entries(asObject(op.definition.responses))) {
      for (const [media, content] of Object.entries(asObject(asObject(response).content))) {
        cases.push(
          ...examplesOf(
            asObject(content),
            `${at} ${status} ${media}`,
            asObject(content).schema as Json,
          ),
        );
      }
    }
  }
  return cases;
}

describe.each(listSpecVendors())("every example of specs/%s.openapi.yaml", (vendor) => {
  const cases = collectExampleCases(vendor);
  const validator = new SchemaValidator();

  it("has examples", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  const valid = cases.filter((c) => c.invalid === undefined);
  const invalid = cases.filter((c) => c.invalid !== undefined);

  it.each(valid.map((c) => [c.where, c] as const))("%s is valid against its schema", (_, c) => {
    expect(c.value, `${c.where} has no value`).toBeDefined();
    expect(validator.validate(c.schema, c.value)).toEqual([]);
  });

  // A documented invalid request must say why, and must really break its schema: the marker
  // cannot hide a valid example, nor a schema that was weakened to let it through.
  it.each(invalid.map((c) => [c.where, c] as const))(
    "%s is a documented invalid request: it says why and breaks its schema",
    (_, c) => {
      expect(c.where, "only request bodies may be documented invalid").toMatch(/ request /);
      expect(typeof c.invalid === "string" && c.invalid.trim() !== "").toBe(true);
      expect(c.value, `${c.where} has no value`).toBeDefined();
      expect(validator.validate(c.schema, c.value)).not.toEqual([]);
    },
  );
});

describe("the validator", () => {
  it("rejects a value its schema forbids", () => {
    const schema = { type: "object", properties: { n: { type: "integer", maximum: 5 } } };
    expect(new SchemaValidator().validate(schema, { n: 6 })).not.toEqual([]);
  });
});
