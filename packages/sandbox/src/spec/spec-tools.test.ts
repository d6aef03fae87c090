import { describe, expect, it } from "vitest";
import { SANDBOX_VENDORS } from "../sandbox-types.js";
import { dereference, listSpecVendors, loadSpec } from "./load-spec.js";
import { listOperations } from "./scenarios.js";
import { checkRequestAgainstSpec, matchOperation } from "./spec-request-check.js";
import { SchemaValidator } from "./validators.js";

describe("dereference", () => {
  it("inlines local $refs, letting siblings win", () => {
    const doc = {
      a: { $ref: "#/defs/x", description: "mine" },
      defs: { x: { type: "string", description: "theirs" } },
    };
    expect(dereference(doc)).toMatchObject({ a: { type: "string", description: "mine" } });
  });

  it("refuses a circular $ref and a remote one", () => {
    expect(() => dereference({ a: { $ref: "#/a" } })).toThrow(/circular/);
    expect(() => dereference({ a: { $ref: "other.yaml#/x" } })).toThrow(/only local/);
  });
});

describe("the shipped specs", () => {
  it("holds a spec for every simulator, and a simulator for every spec", () => {
    expect(listSpecVendors()).toEqual([...SANDBOX_VENDORS].sort());
    expect(listSpecVendors()).toContain("velip");
  });
});

describe("checkRequestAgainstSpec", () => {
  const spec = loadSpec("altur");
  const operations = listOperations(spec);
  const validator = new SchemaValidator();
  const check = (method: string, url: string, headers: Record<string, string>, body = "") =>
    checkRequestAgainstSpec(spec, operations, validator, "k-1", {
      method,
      url: new URL(url),
      headers: new Headers(headers),
      body,
    }).problems;
  const auth = { authorization: "api-key k-1" };

  it("matches an operation by method and path template", () => {
    expect(matchOperation(spec, operations, "POST", "/api/v1.0/campaigns/7/pause")).toMatchObject({
      operation: { operationId: "runCampaignAction" },
      path: { id: "7", action: "pause" },
    });
  });

  it("accepts a valid request and names what is wrong with others", () => {
    expect(check("GET", "http://127.0.0.1/api/v1.0/campaigns/7", auth)).toEqual([]);
    expect(check("GET", "http://127.0.0.1/api/v1.0/campaigns/7", {})).toEqual([
      expect.stringContaining("auth"),
    ]);
    expect(check("POST", "http://127.0.0.1/api/v1.0/campaigns/7/stop", auth)).toEqual([
      expect.stringContaining("action"),
    ]);
    expect(check("DELETE", "http://127.0.0.1/api/v1.0/campaigns/7", auth)).toEqual([
      expect.stringContaining("no operation"),
    ]);
    expect(check("GET", "http://127.0.0.1/api/v1.0/campaigns?key=k-1", auth)).toContain(
      "the credential appears in the URL",
    );
    const retries = JSON.stringify({ retries: 9 });
    expect(
      check(
        "PATCH",
        "http://127.0.0.1/api/v1.0/campaigns/7",
        { ...auth, "content-type": "application/json" },
        retries,
      ),
    ).toEqual([expect.stringContaining("/retries")]);
  });
});
