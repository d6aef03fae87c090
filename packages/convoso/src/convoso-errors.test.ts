import { isCredentialRefusal } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { decodeConvosoError } from "./convoso-errors.js";

describe("decodeConvosoError", () => {
  it.each([
    ["searchCampaigns", { data: [] }],
    ["searchCampaigns", { success: true, code: 200, data: [] }],
    ["setCampaignStatus", { success: true }],
    ["setCampaignStatus", { success: true, code: 200 }],
  ])("is not an error on a %s success body %j", (operationId, body) => {
    expect(decodeConvosoError(operationId, 200, body)).toBeUndefined();
  });

  it.each([
    ["searchCampaigns", 6026, "Invalid campaign ID", "NOT_FOUND"],
    ["setCampaignStatus", 6026, "Invalid campaign ID", "NOT_FOUND"],
    ["setCampaignStatus", 6080, "Invalid status value", "VALIDATION"],
  ])("maps %s code %i (HTTP 200, success false) to %s", (operationId, code, error, expected) => {
    const decoded = decodeConvosoError(operationId, 200, { success: false, code, error });
    expect(decoded).toMatchObject({
      code: expected,
      vendor: "convoso",
      httpStatus: 200,
      vendorCode: code,
      retryable: false,
    });
    expect(decoded?.details).toMatchObject({ operationId, vendorMessage: error });
  });

  it.each([
    ["setCampaignStatus", 200, "Campaign not found", "NOT_FOUND"],
    ["setCampaignStatus", 200, "Status must be true or false", "VALIDATION"],
    ["setCampaignStatus", 200, "Invalid authentication token", "AUTH"],
    ["setCampaignStatus", 200, "Insufficient permissions", "AUTH"],
    ["searchCampaigns", 200, "Invalid authentication token", "AUTH"],
    ["searchCampaigns", 200, "Insufficient permissions", "AUTH"],
    ["setCampaignStatus", 401, "Invalid authentication token", "AUTH"],
    ["searchCampaigns", 401, "Invalid authentication token", "AUTH"],
    ["setCampaignStatus", 403, "Insufficient permissions", "AUTH"],
    ["searchCampaigns", 403, "Insufficient permissions", "AUTH"],
  ])("maps %s HTTP %i %j to %s and keeps the text", (operationId, status, error, expected) => {
    const decoded = decodeConvosoError(operationId, status, { success: false, error });
    expect(decoded).toMatchObject({ code: expected, httpStatus: status, vendorCode: undefined });
    expect(decoded?.details?.vendorMessage).toBe(error);
    expect(decoded?.message).toContain(error);
  });

  it("reads the text from `message` when there is no `error`", () => {
    const decoded = decodeConvosoError("setCampaignStatus", 200, {
      success: false,
      message: "Campaign not found",
    });
    expect(decoded).toMatchObject({
      code: "NOT_FOUND",
      details: { vendorMessage: "Campaign not found" },
    });
  });

  it("maps codes per operation: 6080 is not documented for the search", () => {
    const body = { success: false, code: 6080, error: "Invalid status value" };
    expect(decodeConvosoError("setCampaignStatus", 200, body)?.code).toBe("VALIDATION");
    expect(decodeConvosoError("searchCampaigns", 200, body)).toMatchObject({
      code: "VENDOR",
      vendorCode: 6080,
      retryable: false,
    });
  });

  it("lets the numeric code decide before the text, and reads a code sent as a string", () => {
    expect(
      decodeConvosoError("setCampaignStatus", 200, {
        success: false,
        code: 6080,
        error: "Campaign not found",
      })?.code,
    ).toBe("VALIDATION");
    expect(
      decodeConvosoError("setCampaignStatus", 200, { success: false, code: "6026" }),
    ).toMatchObject({ code: "NOT_FOUND", vendorCode: "6026" });
  });

  it("treats an undocumented business error as VENDOR, not success", () => {
    expect(
      decodeConvosoError("searchCampaigns", 200, { success: false, error: "Something else" }),
    ).toMatchObject({ code: "VENDOR", httpStatus: 200, retryable: false });
  });

  it("falls back on the HTTP status for an undocumented body", () => {
    expect(decodeConvosoError("searchCampaigns", 401, {})?.code).toBe("AUTH");
    expect(decodeConvosoError("setCampaignStatus", 403, "Forbidden")?.code).toBe("AUTH");
    expect(decodeConvosoError("setCampaignStatus", 500, "<html>oops</html>")).toMatchObject({
      code: "VENDOR",
      httpStatus: 500,
      retryable: true,
    });
    expect(decodeConvosoError("searchCampaigns", 500, { success: false })).toMatchObject({
      code: "VENDOR",
      retryable: true,
    });
  });
});

describe("convosoCredentialRefusal, through decodeConvosoError", () => {
  const failure = (error: string) => ({ success: false, error });

  it.each(["searchCampaigns", "setCampaignStatus"])(
    "on %s, refuses as documented",
    (operationId) => {
      for (const [status, body] of [
        [401, failure("Invalid authentication token")],
        [401, ""],
        [403, failure("token not valid for this office")],
        [200, failure("Invalid authentication token")],
      ] as const) {
        const error = decodeConvosoError(operationId, status, body);
        expect(isCredentialRefusal(error)).toBe(true);
        expect(error).toMatchObject({ code: "AUTH", retryable: false });
      }
      const permission = decodeConvosoError(operationId, 200, failure("Insufficient permissions"));
      expect(permission?.code).toBe("AUTH");
      expect(isCredentialRefusal(permission)).toBe(false);
      expect(
        isCredentialRefusal(decodeConvosoError(operationId, 200, failure("Campaign not found"))),
      ).toBe(false);
    },
  );
});
