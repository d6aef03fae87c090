import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isCredentialRefusal } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ASISSO_ERROR_CODES, decodeAsissoError } from "./asisso-errors.js";

const AUTH_BODY = { detail: "Invalid or expired API key" };

/** Every non-2xx status specs/asisso.openapi.yaml declares, per operationId. */
function documentedErrorStatuses(): Record<string, number[]> {
  const spec = parse(
    readFileSync(
      fileURLToPath(new URL("../../../specs/asisso.openapi.yaml", import.meta.url)),
      "utf8",
    ),
  );
  const byOperation: Record<string, number[]> = {};
  for (const item of Object.values(spec.paths) as Record<string, Record<string, unknown>>[]) {
    for (const operation of Object.values(item)) {
      byOperation[operation.operationId as string] = Object.keys(operation.responses as object)
        .map(Number)
        .filter((status) => status >= 300);
    }
  }
  return byOperation;
}

describe("decodeAsissoError", () => {
  it("is not an error on 2xx", () => {
    expect(decodeAsissoError("pauseCampaign", 200, {})).toBeUndefined();
    expect(decodeAsissoError("updateCampaign", 200, { id: 1 })).toBeUndefined();
  });

  it("maps every error status of the spec, and nothing the spec does not declare", () => {
    const documented = documentedErrorStatuses();
    expect(
      Object.fromEntries(
        Object.entries(ASISSO_ERROR_CODES).map(([op, codes]) => [
          op,
          Object.keys(codes).map(Number),
        ]),
      ),
    ).toEqual(documented);
  });

  it.each([
    ["listCampaigns", 401, "AUTH"],
    ["listCampaigns", 403, "AUTH"],
    ["getCampaign", 401, "AUTH"],
    ["getCampaign", 403, "AUTH"],
    ["updateCampaign", 401, "AUTH"],
    ["updateCampaign", 403, "AUTH"],
    ["startCampaign", 401, "AUTH"],
    ["startCampaign", 403, "AUTH"],
    ["pauseCampaign", 401, "AUTH"],
    ["pauseCampaign", 403, "AUTH"],
    ["resumeCampaign", 401, "AUTH"],
    ["resumeCampaign", 403, "AUTH"],
  ])("maps %s HTTP %i with the documented body to %s and keeps the message", (op, status, code) => {
    expect(decodeAsissoError(op, status, AUTH_BODY)).toMatchObject({
      code,
      vendor: "asisso",
      httpStatus: status,
      retryable: false,
      details: { operationId: op, vendorMessage: "Invalid or expired API key" },
    });
  });

  it.each(["startCampaign", "resumeCampaign"])("maps %s HTTP 402 to QUOTA", (op) => {
    expect(decodeAsissoError(op, 402, { detail: "Quota exceeded" })).toMatchObject({
      code: "QUOTA",
      httpStatus: 402,
      details: { vendorMessage: "Quota exceeded" },
    });
  });

  it("maps the 422 example to VALIDATION naming the field of the first loc, without body", () => {
    const error = decodeAsissoError("updateCampaign", 422, {
      detail: [
        {
          loc: ["body", "schedule_config", "slots", 0, "start_time"],
          msg: "start_time must be in HH:MM format",
          type: "value_error",
        },
        {
          loc: ["body", "max_concurrency"],
          msg: "less than or equal to 100",
          type: "less_than_equal",
        },
      ],
    });
    expect(error).toMatchObject({
      code: "VALIDATION",
      httpStatus: 422,
      field: "schedule_config.slots.0.start_time",
      vendorCode: "value_error",
      details: {
        vendorMessage:
          "schedule_config.slots.0.start_time: start_time must be in HH:MM format; max_concurrency: less than or equal to 100",
        problems: [
          {
            field: "schedule_config.slots.0.start_time",
            msg: "start_time must be in HH:MM format",
            type: "value_error",
          },
          { field: "max_concurrency", msg: "less than or equal to 100", type: "less_than_equal" },
        ],
      },
    });
  });

  it("keeps a loc that does not start with body, and survives items without one", () => {
    expect(
      decodeAsissoError("updateCampaign", 422, { detail: [{ loc: ["path", "campaign_id"] }] })
        ?.field,
    ).toBe("path.campaign_id");
    expect(decodeAsissoError("updateCampaign", 422, { detail: [null] })).toMatchObject({
      code: "VALIDATION",
      field: undefined,
    });
  });

  it("maps the undocumented refusal to update a running campaign by its HTTP status", () => {
    const body = { detail: "Campaign can only be updated in draft or paused state" };
    expect(decodeAsissoError("updateCampaign", 409, body)).toMatchObject({
      code: "CONFLICT",
      details: { vendorMessage: body.detail },
    });
    expect(decodeAsissoError("updateCampaign", 400, body)).toMatchObject({
      code: "VALIDATION",
      details: { vendorMessage: body.detail },
    });
  });

  it("falls back on the HTTP status for an undocumented answer", () => {
    expect(decodeAsissoError("getCampaign", 404, { detail: "Campaign not found" })).toMatchObject({
      code: "NOT_FOUND",
      details: { vendorMessage: "Campaign not found" },
    });
    expect(decodeAsissoError("getCampaign", 429, "")?.code).toBe("RATE_LIMITED");
    expect(decodeAsissoError("pauseCampaign", 402, {})?.code).toBe("QUOTA");
    expect(decodeAsissoError("getCampaign", 503, "<html>busy</html>")).toMatchObject({
      code: "VENDOR",
      retryable: true,
      details: { vendorMessage: undefined },
    });
  });
});

describe("asissoCredentialRefusal, through decodeAsissoError", () => {
  const OPERATIONS = Object.keys(ASISSO_ERROR_CODES);
  const telephony = {
    detail:
      "You must configure telephony first by going to https://app.asisso.com/configure-telephony",
  };

  it.each([
    "Invalid or expired API key",
    "API key has no associated user",
    "API key owner not found",
  ])("reads a 401 %j as a refusal of the key, on every operation", (detail) => {
    for (const operationId of OPERATIONS) {
      const error = decodeAsissoError(operationId, 401, { detail });
      expect(isCredentialRefusal(error)).toBe(true);
      expect(error).toMatchObject({ code: "AUTH", retryable: false, httpStatus: 401 });
    }
  });

  it("reads Dograh's 400s on update: the organisation cap is VALIDATION, a finished campaign CONFLICT", () => {
    expect(
      decodeAsissoError("updateCampaign", 400, { detail: "max_concurrency (50) cannot exceed …" })
        ?.code,
    ).toBe("VALIDATION");
    expect(
      decodeAsissoError("updateCampaign", 400, { detail: "Cannot update a completed campaign" })
        ?.code,
    ).toBe("CONFLICT");
    expect(decodeAsissoError("getCampaign", 404, { detail: "Campaign not found" })?.code).toBe(
      "NOT_FOUND",
    );
  });

  it("does not read the telephony 401 or a 403 (a permission) as a refusal", () => {
    for (const operationId of ["startCampaign", "resumeCampaign"]) {
      const error = decodeAsissoError(operationId, 401, telephony);
      // Not an auth failure: the organisation's telephony set-up is missing.
      expect(error?.code).toBe("CONFLICT");
      expect(error?.details?.vendorMessage).toBe(telephony.detail);
      expect(isCredentialRefusal(error)).toBe(false);
    }
    for (const operationId of OPERATIONS) {
      const forbidden = decodeAsissoError(operationId, 403, { detail: "Forbidden" });
      expect(forbidden?.code).toBe("AUTH");
      expect(isCredentialRefusal(forbidden)).toBe(false);
    }
  });
});
