import { readFileSync } from "node:fs";
import { CampaignSchema } from "@campaignkit/core";
import { readSpec } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { campaignsFromAnswer, velipListMayBeTruncated, velipResponses } from "./velip-responses.js";

interface Example {
  operationId: string;
  status: number;
  name: string;
  value: unknown;
}

interface SpecOperation {
  operationId: string;
  responses?: Record<
    string,
    {
      content?: Record<
        string,
        { examples?: Record<string, { value: unknown; "x-replay-status"?: number }> }
      >;
    }
  >;
}

/** Every response example of specs/velip.openapi.yaml. */
function responseExamples(): Example[] {
  const spec = parse(
    readFileSync(new URL("../../../specs/velip.openapi.yaml", import.meta.url), "utf8"),
  ) as { paths: Record<string, Record<string, SpecOperation>> };
  const examples: Example[] = [];
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const media = response.content?.["application/json"];
        for (const [name, example] of Object.entries(media?.examples ?? {})) {
          examples.push({
            operationId: operation.operationId,
            // Under `default` (no documented status): the replay's status.
            status: status === "default" ? Number(example["x-replay-status"]) : Number(status),
            name,
            value: example.value,
          });
        }
      }
    }
  }
  return examples;
}

const EXPECTED_ERRORS: Record<string, string | undefined> = {
  noCpId: "VALIDATION",
  noMutableFields: "VALIDATION",
  cpIdNotValid: "NOT_FOUND",
  parametersWithoutChange: undefined,
  authLocked: "AUTH",
  ipBanned: "AUTH",
  internalError: "VENDOR",
  groupNotFound: "NOT_FOUND",
  loadFailedCannotActivate: "CONFLICT",
  invalidMaxAnswered213: "VALIDATION",
  invalidMaxAnswered211: "VALIDATION",
  invalidMaxAnswered212: "VALIDATION",
  failAuthentication: "AUTH",
  tokenNotValid: "AUTH",
  sidNotFound: "AUTH",
  accountInactive: "AUTH",
  tokenNotAllowedForRest: "AUTH",
  permissionDenied: "AUTH",
  noUserPassword: "AUTH",
  userTrialsExceeded: "AUTH",
  invalidUserPassword: "AUTH",
  ipNotAllowed: "AUTH",
  tokensBlocked: "AUTH",
};

describe("velipResponses", () => {
  it("reads every operation of the spec", () => {
    expect(Object.keys(velipResponses.campaignsFrom).sort()).toEqual(
      readSpec("velip").operationIds,
    );
  });

  const examples = responseExamples();
  it("finds the spec's examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.filter((e) => e.status === 200).map((e) => [e.operationId, e.name, e] as const))(
    "normalizes the %s example %s to campaigns that pass the core schema",
    (operationId, _, example) => {
      expect(velipResponses.decodeError(operationId, 200, example.value)).toBeUndefined();
      const campaigns = velipResponses.campaignsFrom[operationId]?.(example.value) ?? [];
      expect(campaigns).toHaveLength(1);
      for (const campaign of campaigns) {
        expect(CampaignSchema.safeParse(campaign).success).toBe(true);
        expect(campaign).toMatchObject({ vendor: "velip", id: "987654", status: "paused" });
      }
    },
  );

  it.each(
    examples
      .filter((e) => e.status !== 200)
      .map((e) => [e.operationId, e.status, e.name, e] as const),
  )(
    "decodes the %s HTTP %i example %s to its campaignkit code",
    (operationId, status, name, example) => {
      expect(name in EXPECTED_ERRORS).toBe(true);
      expect(velipResponses.decodeError(operationId, status, example.value)?.code).toBe(
        EXPECTED_ERRORS[name],
      );
    },
  );

  it("reads the 230 answer as holding no campaign", () => {
    expect(
      campaignsFromAnswer("changeCampaign", {
        return: { status: "Parameters without change", status_code: "230" },
      }),
    ).toEqual([]);
  });

  it("says a list of maxreg rows may be truncated, and a shorter one is not", () => {
    expect(velipListMayBeTruncated(500)).toBe(true);
    expect(velipListMayBeTruncated(499)).toBe(false);
    expect(velipListMayBeTruncated(0)).toBe(false);
  });
});
