import { readFileSync } from "node:fs";
import { CampaignSchema } from "@campaignkit/core";
import { readSpec } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { voxoResponses } from "./voxo-responses.js";

type Examples = Record<string, { value: unknown }>;
interface SpecOperation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { examples?: Examples }> }>;
}

const spec = parse(
  readFileSync(new URL("../../../specs/voxo.openapi.yaml", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, SpecOperation>> };

/** Every documented 200 example of the spec, with its operationId. */
const METHODS = new Set(["get", "put", "post", "delete", "patch"]);
const successExamples = Object.values(spec.paths).flatMap((item) =>
  // A path item also holds non-operations (`servers` of the legacy reads).
  Object.entries(item).flatMap(([method, operation]) =>
    !METHODS.has(method)
      ? []
      : Object.entries(
          operation.responses["200"]?.content?.["application/json"]?.examples ?? {},
        ).map(([name, example]) => [operation.operationId, name, example.value] as const),
  ),
);

describe("voxoResponses", () => {
  it("has a reader for every operation of the spec", () => {
    expect(Object.keys(voxoResponses.campaignsFrom).sort()).toEqual(readSpec("voxo").operationIds);
  });

  it("finds documented success examples to read", () => {
    expect(successExamples.map(([operationId, name]) => `${operationId}/${name}`).sort()).toEqual([
      "getCallCampaign/constructedCampaign",
      "listCallCampaigns/constructedList",
      "listCallCampaigns/legacyValuesOutsideRequestEnums",
      "updateCallCampaign/documented",
    ]);
  });

  it.each(successExamples)("reads %s example %s as valid campaigns", (operationId, _, body) => {
    const read = voxoResponses.campaignsFrom[operationId];
    expect(read).toBeTypeOf("function");
    const campaigns = read?.(body) ?? [];
    expect(campaigns.length).toBeGreaterThan(0);
    for (const campaign of campaigns) {
      expect(CampaignSchema.safeParse(campaign).success).toBe(true);
      expect(campaign.vendor).toBe("voxo");
    }
  });

  it("reads the constructed list as two campaigns, in order", () => {
    const example = successExamples.find(([operationId]) => operationId === "listCallCampaigns");
    const campaigns = voxoResponses.campaignsFrom.listCallCampaigns?.(example?.[2]) ?? [];
    expect(campaigns.map((c) => [c.id, c.name, c.status])).toEqual([
      ["101", "Renewal reminders", "paused"],
      ["102", "Appointment confirmations", "active"],
    ]);
  });

  it.each([
    ["getCallCampaign", []],
    ["getCallCampaign", { name: "no id" }],
    ["getCallCampaign", { id: "101" }],
    ["updateCallCampaign", null],
    ["updateCallCampaign", "ok"],
    ["listCallCampaigns", { campaigns: [] }],
    ["listCallCampaigns", [{ id: 1 }, "x"]],
    ["listCallCampaigns", [{ name: "no id" }]],
  ])("%s refuses %j as INVALID_RESPONSE", (operationId, body) => {
    expect(() => voxoResponses.campaignsFrom[operationId]?.(body)).toThrow(
      expect.objectContaining({ code: "INVALID_RESPONSE", vendor: "voxo" }),
    );
  });

  it("reads an empty list as no campaigns", () => {
    expect(voxoResponses.campaignsFrom.listCallCampaigns?.([])).toEqual([]);
  });
});
