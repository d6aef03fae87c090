import { type Json, type JsonObject, listOperations, SchemaValidator } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { listSpecVendors, loadSpec } from "./specs.ts";

interface ExampleCase {
  where: string;
  schema: Json;
  value: Json;
}

const asObject = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

function examplesOf(owner: JsonObject, where: string, schema: Json): ExampleCase[] {
  return Object.entries(asObject(owner.examples)).map(([name, example]) => ({
    where: `${where} example "${name}"`,
    schema,
    value: asObject(example).value as Json,
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

  it.each(cases.map((c) => [c.where, c] as const))("%s is valid against its schema", (_, c) => {
    expect(c.value, `${c.where} has no value`).toBeDefined();
    expect(validator.validate(c.schema, c.value)).toEqual([]);
  });
});

describe("the validator", () => {
  it("rejects a value its schema forbids", () => {
    const schema = { type: "object", properties: { n: { type: "integer", maximum: 5 } } };
    expect(new SchemaValidator().validate(schema, { n: 6 })).not.toEqual([]);
  });
});
