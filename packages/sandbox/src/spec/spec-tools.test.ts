import { describe, expect, it } from "vitest";
import { SANDBOX_VENDORS } from "../sandbox-types.js";
import { dereference, listSpecVendors, loadSpec } from "./load-spec.js";
import { collectScenarios, listOperations } from "./scenarios.js";
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

describe("collectScenarios: documented invalid requests and undocumented statuses", () => {
  const specWith = (op: Record<string, unknown>) => ({
    vendor: "t",
    file: "t.yaml",
    document: { paths: { "/x": { post: { operationId: "op", ...op } } } },
  });
  const body = (examples: Record<string, unknown>) => ({
    requestBody: { required: true, content: { "application/json": { examples } } },
  });
  const answers = (status: string, examples: Record<string, unknown>) => ({
    [status]: { content: { "application/json": { examples } } },
  });

  it("carries x-invalid-request's reason and an x-replay-status under default", () => {
    const set = collectScenarios(
      specWith({
        ...body({ bad: { value: { a: 1 }, "x-invalid-request": "sends a" } }),
        responses: answers("default", { bad: { value: { e: 1 }, "x-replay-status": 400 } }),
      }) as never,
    );
    expect(set.problems).toEqual([]);
    expect(set.scenarios[0]?.request.invalid).toBe("sends a");
    expect(set.scenarios[0]?.response).toMatchObject({ status: 400, statusDocumented: false });
  });

  it("reports an empty reason, a success answering an invalid request, and default without a status", () => {
    expect(
      collectScenarios(
        specWith({
          ...body({ bad: { value: {}, "x-invalid-request": true } }),
          responses: answers("400", { bad: { value: {} } }),
        }) as never,
      ).problems,
    ).toEqual([expect.stringContaining("not a reason")]);
    expect(
      collectScenarios(
        specWith({
          ...body({ bad: { value: {}, "x-invalid-request": "why" } }),
          responses: answers("200", { bad: { value: {} } }),
        }) as never,
      ).problems,
    ).toEqual([expect.stringContaining("is a success")]);
    expect(
      collectScenarios(specWith({ responses: answers("default", { e: { value: {} } }) }) as never)
        .problems,
    ).toEqual([expect.stringContaining("without an x-replay-status")]);
    expect(
      collectScenarios(
        specWith({
          responses: answers("400", { e: { value: {}, "x-replay-status": 500 } }),
        }) as never,
      ).problems,
    ).toEqual([expect.stringContaining("has an x-replay-status")]);
  });
});

describe("checkRequestAgainstSpec: a required body credential with a header alternative (Velip)", () => {
  const spec = loadSpec("velip");
  const operations = listOperations(spec);
  const check = (headers: Record<string, string>, body: object) =>
    checkRequestAgainstSpec(spec, operations, new SchemaValidator(), "k-1", {
      method: "POST",
      url: new URL("http://127.0.0.1/api/v2/ChangeCampaign.php"),
      headers: new Headers({ "content-type": "application/json", ...headers }),
      body: JSON.stringify(body),
    }).problems;

  it("takes the token in the body or as a Bearer header, and refuses a request with neither", () => {
    expect(check({}, { tsid: "k-1", cp_id: 1, active: 0 })).toEqual([]);
    expect(check({ authorization: "Bearer k-1" }, { cp_id: 1, active: 0 })).toEqual([]);
    const neither = check({}, { cp_id: 1, active: 0 });
    expect(neither).toContainEqual(expect.stringContaining("required property 'tsid'"));
    expect(neither).toContainEqual(expect.stringContaining("auth"));
  });
});
