import { isCredentialRefusal } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { decodeVoxoError, VOXO_ERROR_CODES } from "./voxo-errors.js";

const OPERATIONS = ["updateCallCampaign", "listCallCampaigns", "getCallCampaign"];

describe("decodeVoxoError", () => {
  it("is not an error on 2xx, whatever the body", () => {
    expect(decodeVoxoError("getCallCampaign", 200, { id: 1 })).toBeUndefined();
    expect(decodeVoxoError("updateCallCampaign", 200, { error: "looks bad" })).toBeUndefined();
  });

  it("has no documented vendor codes to map", () => {
    expect(VOXO_ERROR_CODES).toEqual({});
  });

  describe.each(OPERATIONS)("on %s, decodes by HTTP status alone", (operationId) => {
    it.each([
      [400, "VALIDATION", false],
      [401, "AUTH", false],
      [402, "QUOTA", false],
      [403, "AUTH", false],
      [404, "NOT_FOUND", false],
      [409, "CONFLICT", false],
      [422, "VALIDATION", false],
      [429, "RATE_LIMITED", true],
      [418, "VENDOR", false],
      [500, "VENDOR", true],
      [503, "VENDOR", true],
    ] as const)("HTTP %i → %s (retryable: %s)", (status, code, retryable) => {
      const error = decodeVoxoError(operationId, status, {});
      expect(error).toMatchObject({
        code,
        retryable,
        vendor: "voxo",
        httpStatus: status,
        vendorCode: undefined,
      });
      expect(error?.details).toMatchObject({ operationId });
    });
  });

  it.each([
    ["a text body", "Unauthorized", "Unauthorized"],
    ["an object's message", { message: "Campaign not found" }, "Campaign not found"],
    ["an object's error", { error: "Invalid token" }, "Invalid token"],
    ["message before error", { message: "m", error: "e" }, "m"],
    ["error when message is not text", { message: { a: 1 }, error: "e" }, "e"],
  ])("keeps the vendor message from %s", (_, body, message) => {
    const error = decodeVoxoError("getCallCampaign", 404, body);
    expect(error?.details?.vendorMessage).toBe(message);
    expect(error?.message).toContain(message);
  });

  it.each([
    ["an empty body", ""],
    ["null", null],
    ["an object without a message", { status: 500 }],
    ["an array", ["x"]],
  ])("has no vendor message for %s", (_, body) => {
    const error = decodeVoxoError("getCallCampaign", 500, body);
    expect(error?.code).toBe("VENDOR");
    expect(error?.details?.vendorMessage).toBeUndefined();
    expect(error?.message).toBe("voxo: getCallCampaign failed (HTTP 500)");
  });

  it("clips a very long text body", () => {
    const error = decodeVoxoError("getCallCampaign", 502, `<html>${"x".repeat(2000)}</html>`);
    const message = error?.details?.vendorMessage as string;
    expect(message).toHaveLength(501);
    expect(message.endsWith("…")).toBe(true);
  });
});

describe("voxoCredentialRefusal, through decodeVoxoError", () => {
  it("reads a 401 as a refusal of the token on every operation, and a 403 as a permission", () => {
    for (const operationId of OPERATIONS) {
      const refused = decodeVoxoError(operationId, 401, { message: "Unauthorized" });
      expect(isCredentialRefusal(refused)).toBe(true);
      expect(refused).toMatchObject({ code: "AUTH", retryable: false });
      const forbidden = decodeVoxoError(operationId, 403, { message: "Forbidden" });
      expect(forbidden?.code).toBe("AUTH");
      expect(isCredentialRefusal(forbidden)).toBe(false);
    }
  });
});
