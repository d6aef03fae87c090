import { describe, expect, it } from "vitest";
import { checkRules, type SchemaRules } from "./schema-rules.js";

const rules = (schema: SchemaRules, value: unknown) =>
  checkRules(value, schema, "vendor.acme.x").map((problem) => `${problem.field} ${problem.rule}`);

describe("checkRules (the spec's rules for a vendor field)", () => {
  it("passes a value that keeps every rule", () => {
    expect(rules({ type: "integer", minimum: 1, maximum: 500 }, 100)).toEqual([]);
    expect(rules({ type: ["string", "null"], maxLength: 3 }, null)).toEqual([]);
    expect(rules({ type: "number" }, 2)).toEqual([]);
    expect(rules(true, { anything: 1 })).toEqual([]);
  });

  it("names the field and the rule a value breaks", () => {
    expect(rules({ type: "integer" }, 1.5)).toEqual(["vendor.acme.x must be integer"]);
    expect(rules({ type: "integer", minimum: 1 }, 0)).toEqual(["vendor.acme.x must be ≥ 1"]);
    expect(rules({ enum: ["yes", "no"] }, "maybe")).toEqual([
      'vendor.acme.x must be one of "yes", "no"',
    ]);
    expect(rules({ type: "string", pattern: "^[1-9]\\d{9}$" }, "123")).toEqual([
      "vendor.acme.x must match ^[1-9]\\d{9}$",
    ]);
    expect(rules({ type: "string", maxLength: 2 }, "São")).toEqual([
      "vendor.acme.x must be at most 2 characters",
    ]);
    expect(rules(false, 1)).toEqual(["vendor.acme.x is not accepted"]);
  });

  it("checks the RFC 3339 formats a spec gives: date, date-time, time", () => {
    expect(rules({ type: "string", format: "date" }, "2026-12-25")).toEqual([]);
    expect(rules({ type: "string", format: "date" }, "2026-02-30")).toEqual([
      "vendor.acme.x must be a date (YYYY-MM-DD)",
    ]);
    expect(rules({ type: "string", format: "date-time" }, "2026-12-25T09:00:00Z")).toEqual([]);
    expect(rules({ type: "string", format: "date-time" }, "2026-12-25")).toHaveLength(1);
    expect(rules({ type: "string", format: "time" }, "09:00:00+01:00")).toEqual([]);
    expect(rules({ type: "string", format: "email" }, "anything")).toEqual([]);
  });

  it("walks objects and arrays, with the path of the bad part", () => {
    const schema: SchemaRules = {
      type: "object",
      required: ["mode"],
      additionalProperties: false,
      properties: { mode: { enum: ["a"] }, list: { type: "array", items: { type: "integer" } } },
    };
    expect(rules(schema, { mode: "a", list: [1, 2] })).toEqual([]);
    expect(rules(schema, { list: [1, "2"], extra: true })).toEqual([
      "vendor.acme.x.mode is required",
      "vendor.acme.x.list.1 must be integer",
      "vendor.acme.x.extra is not a documented field",
    ]);
  });

  it("holds anyOf and oneOf to their meaning", () => {
    const either: SchemaRules = { oneOf: [{ type: "integer" }, { type: "number" }] };
    expect(rules(either, 1.5)).toEqual([]);
    expect(rules(either, 2)).toEqual(["vendor.acme.x matches more than one documented form"]);
    expect(rules({ anyOf: [{ type: "string" }, { type: "null" }] }, 3)).toEqual([
      "vendor.acme.x does not match any documented form",
    ]);
  });
});
