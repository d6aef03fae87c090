import { isCredentialRefusal } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { decodeAlturError } from "./altur-errors.js";

describe("decodeAlturError", () => {
  it("is not an error on 2xx", () => {
    expect(decodeAlturError("getCampaign", 200, { success: true })).toBeUndefined();
  });

  it.each([
    [400, { error: "IMMUTABLE_FIELD", field: "agent_id" }, "IMMUTABLE_FIELD"],
    [409, { error: "CAMPAIGN_FINISHED" }, "CONFLICT"],
    [
      409,
      { error: "INVALID_STATUS_TRANSITION", current_status: "pending", valid_targets: ["active"] },
      "CONFLICT",
    ],
    [400, { error: "CYCLES_NOT_ENABLED" }, "CONFLICT"],
    [400, { error: "SCHEDULED_MODE_ONLY" }, "CONFLICT"],
    [400, { error: "UNKNOWN_ACTION" }, "VALIDATION"],
    [402, { error: "BILLING_LIMIT_REACHED" }, "QUOTA"],
  ])("maps HTTP %i %j to %s and keeps the vendor code", (status, body, code) => {
    const error = decodeAlturError("updateCampaign", status, body);
    expect(error).toMatchObject({
      code,
      vendor: "altur",
      httpStatus: status,
      vendorCode: body.error,
    });
  });

  it("finds the code under any key and keeps field and transition details", () => {
    const error = decodeAlturError("runCampaignAction", 409, {
      code: "INVALID_STATUS_TRANSITION",
      current_status: "pending",
      valid_targets: ["active"],
    });
    expect(error?.details).toMatchObject({ currentStatus: "pending", validTargets: ["active"] });
    expect(
      decodeAlturError("updateCampaign", 400, { error: "IMMUTABLE_FIELD", field: "cycles.enabled" })
        ?.field,
    ).toBe("cycles.enabled");
  });

  it("falls back on the HTTP status for an undocumented body", () => {
    expect(decodeAlturError("getCampaign", 404, "Not Found")?.code).toBe("NOT_FOUND");
    expect(decodeAlturError("getCampaign", 401, {})?.code).toBe("AUTH");
    expect(decodeAlturError("getCampaign", 503, {})).toMatchObject({
      code: "VENDOR",
      retryable: true,
    });
  });
});

describe("alturCredentialRefusal, through decodeAlturError", () => {
  it("reads a 401 as a refusal of the key, and a 403 or a 409 as not", () => {
    for (const operationId of [
      "getCampaign",
      "listCampaigns",
      "updateCampaign",
      "runCampaignAction",
    ]) {
      const refused = decodeAlturError(operationId, 401, { error: "UNAUTHORIZED" });
      expect(isCredentialRefusal(refused)).toBe(true);
      expect(refused?.message).toContain("Altur does not accept this API key");
      expect(isCredentialRefusal(decodeAlturError(operationId, 403, {}))).toBe(false);
      expect(
        isCredentialRefusal(decodeAlturError(operationId, 409, { error: "CAMPAIGN_FINISHED" })),
      ).toBe(false);
    }
  });
});
