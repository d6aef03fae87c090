import { isCredentialRefusal } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import {
  decodeVelipError,
  isVelipNoChange,
  VELIP_ERROR_CODES,
  velipCredentialRefusal,
} from "./velip-errors.js";

const envelope = (status_code: string, status = "msg") => ({ return: { status, status_code } });

describe("decodeVelipError", () => {
  it('is not an error for status_code "0", nor for a 2xx without a code', () => {
    expect(decodeVelipError("changeCampaign", 200, envelope("0", "OK"))).toBeUndefined();
    expect(decodeVelipError("getCampaignsList", 200, envelope("0", "OK"))).toBeUndefined();
    expect(decodeVelipError("getCampaignsList", 200, { campaigns: [] })).toBeUndefined();
  });

  it.each([
    ["changeCampaign", 400, "200", "No cp_id", "VALIDATION", "id"],
    ["changeCampaign", 400, "210", "No new parameters", "VALIDATION", undefined],
    ["changeCampaign", 400, "212", "cp_id no valid", "NOT_FOUND", undefined],
    ["changeCampaign", 401, "131", "locked after 20 failed auths in 10 min", "AUTH", undefined],
    [
      "changeCampaign",
      401,
      "199",
      "IP banned after 100 failed auths in an hour",
      "AUTH",
      undefined,
    ],
    ["getCampaignsList", 400, "500", "internal error", "VENDOR", undefined],
    ["getCampaignsList", 401, "131", "locked after 20 failed auths in 10 min", "AUTH", undefined],
    [
      "getCampaignsList",
      401,
      "199",
      "IP banned after 100 failed auths in an hour",
      "AUTH",
      undefined,
    ],
  ])(
    "maps %s HTTP %i code %s (%s) to %s, keeping code and message",
    (operationId, status, vendorCode, message, code, field) => {
      const error = decodeVelipError(operationId, status, envelope(vendorCode, message));
      expect(error).toMatchObject({ code, vendor: "velip", httpStatus: status, vendorCode, field });
      expect(error?.details).toMatchObject({ operationId, vendorMessage: message });
      expect(error?.message).toContain(`${vendorCode} ${message}`);
    },
  );

  it("covers every documented code of the spec, per operation", () => {
    expect(Object.keys(VELIP_ERROR_CODES).sort()).toEqual(["changeCampaign", "getCampaignsList"]);
    expect(Object.keys(VELIP_ERROR_CODES.changeCampaign ?? {}).sort()).toEqual([
      "131",
      "199",
      "200",
      "210",
      "211",
      "212",
      "213",
      "234",
      "250",
    ]);
    expect(Object.keys(VELIP_ERROR_CODES.getCampaignsList ?? {}).sort()).toEqual([
      "131",
      "199",
      "500",
    ]);
  });

  it("treats ChangeCampaign's 230 as a no-op, not an error, on that endpoint only", () => {
    const body = envelope("230", "Parameters without change");
    expect(isVelipNoChange("changeCampaign", body)).toBe(true);
    expect(decodeVelipError("changeCampaign", 400, body)).toBeUndefined();
    expect(decodeVelipError("changeCampaign", 200, body)).toBeUndefined();
    expect(isVelipNoChange("getCampaignsList", body)).toBe(false);
    expect(decodeVelipError("getCampaignsList", 400, body)?.code).toBe("VALIDATION");
  });

  it("maps the same code per operation: 500 is internal only on GetCampaignsList, 200 only on ChangeCampaign", () => {
    expect(decodeVelipError("getCampaignsList", 400, envelope("500"))?.code).toBe("VENDOR");
    expect(decodeVelipError("changeCampaign", 400, envelope("500"))?.code).toBe("VALIDATION");
    expect(decodeVelipError("changeCampaign", 400, envelope("200"))?.field).toBe("id");
    expect(decodeVelipError("getCampaignsList", 400, envelope("200"))?.field).toBeUndefined();
  });

  it('is an error when a code other than "0" arrives with HTTP 200', () => {
    expect(
      decodeVelipError("changeCampaign", 200, envelope("212", "cp_id no valid")),
    ).toMatchObject({ code: "NOT_FOUND", httpStatus: 200, vendorCode: "212" });
    expect(decodeVelipError("getCampaignsList", 200, envelope("500"))?.code).toBe("VENDOR");
    expect(decodeVelipError("getCampaignsList", 200, envelope("777"))?.code).toBe("VENDOR");
  });

  it("marks GetCampaignsList's internal error retryable and auth errors never retryable", () => {
    expect(decodeVelipError("getCampaignsList", 400, envelope("500"))?.retryable).toBe(true);
    expect(decodeVelipError("changeCampaign", 401, envelope("131"))?.retryable).toBe(false);
    expect(decodeVelipError("getCampaignsList", 503, envelope("131"))?.retryable).toBe(false);
    expect(decodeVelipError("changeCampaign", 400, envelope("210"))?.retryable).toBe(false);
  });

  it("reads an undocumented code in 100–199 as AUTH, and keeps cd_id", () => {
    const error = decodeVelipError("changeCampaign", 401, {
      return: { status: "bad token", status_code: "101", cd_id: 9 },
    });
    expect(error).toMatchObject({ code: "AUTH", vendorCode: "101", retryable: false });
    expect(error?.details).toMatchObject({ cdId: 9 });
  });

  it("falls back on the HTTP status for an unknown code or an undocumented body", () => {
    expect(decodeVelipError("changeCampaign", 400, envelope("299"))?.code).toBe("VALIDATION");
    expect(decodeVelipError("changeCampaign", 404, "Not Found")?.code).toBe("NOT_FOUND");
    expect(decodeVelipError("getCampaignsList", 401, {})?.code).toBe("AUTH");
    expect(decodeVelipError("getCampaignsList", 503, null)).toMatchObject({
      code: "VENDOR",
      retryable: true,
      vendorCode: undefined,
    });
  });
});

describe("velipCredentialRefusal, through decodeVelipError", () => {
  const refusing = [
    "100",
    "101",
    "102",
    "110",
    "114",
    "130",
    "131",
    "132",
    "140",
    "142",
    "198",
    "199",
  ];

  it.each(refusing)("reads code %s as a refusal of the credential, on both operations", (code) => {
    for (const operationId of ["changeCampaign", "getCampaignsList"]) {
      const error = decodeVelipError(operationId, 401, envelope(code));
      expect(isCredentialRefusal(error)).toBe(true);
      expect(error).toMatchObject({ code: "AUTH", vendorCode: code, retryable: false });
    }
    expect(
      velipCredentialRefusal({ operationId: undefined, httpStatus: 401, body: envelope(code) }),
    ).toMatchObject({ vendorCode: code });
  });

  it("says what the lock and ban codes mean, and that a ban needs Velip's support", () => {
    expect(decodeVelipError("getCampaignsList", 401, envelope("131"))?.message).toMatch(
      /locked access from this IP.*20 in 10 minutes/,
    );
    expect(decodeVelipError("getCampaignsList", 401, envelope("132"))?.message).toMatch(
      /locked this user.*5 in 10 minutes/,
    );
    const ban = decodeVelipError("changeCampaign", 401, envelope("199"))?.message;
    expect(ban).toMatch(/permanent blacklist/);
    expect(ban).toMatch(/support/);
  });

  it("does not read 123 (permission denied), business codes or a 5xx as a refusal", () => {
    expect(isCredentialRefusal(decodeVelipError("changeCampaign", 401, envelope("123")))).toBe(
      false,
    );
    expect(decodeVelipError("changeCampaign", 401, envelope("123"))?.code).toBe("AUTH");
    expect(isCredentialRefusal(decodeVelipError("changeCampaign", 400, envelope("212")))).toBe(
      false,
    );
    expect(isCredentialRefusal(decodeVelipError("getCampaignsList", 503, "down"))).toBe(false);
  });

  it("reads a 401 without a 1xx code as a refusal (Velip's 401 covers every auth failure)", () => {
    expect(isCredentialRefusal(decodeVelipError("getCampaignsList", 401, "<html>"))).toBe(true);
    expect(isCredentialRefusal(decodeVelipError("getCampaignsList", 401, envelope("401")))).toBe(
      true,
    );
  });

  it("reads a 1xx code sent with HTTP 200 as a refusal", () => {
    expect(isCredentialRefusal(decodeVelipError("getCampaignsList", 200, envelope("102")))).toBe(
      true,
    );
  });
});

describe("decodeVelipError: ChangeCampaign codes of the update of 2026-12-01", () => {
  const change = (code: string, status: string) =>
    decodeVelipError("changeCampaign", 400, { return: { status, status_code: code } });

  it("maps 250, 234 and the invalid max_answered codes 213 and 211", () => {
    expect(change("250", "Group not found")).toMatchObject({ code: "NOT_FOUND", field: "group" });
    expect(change("234", "campaign loading failed, cannot activate")?.code).toBe("CONFLICT");
    expect(change("213", "x")).toMatchObject({ code: "VALIDATION", field: "max_answered" });
    expect(change("211", "x")).toMatchObject({ code: "VALIDATION", field: "max_answered" });
  });

  it("tells the two meanings of 212 apart by the status text", () => {
    expect(change("212", "cp_id no valid")).toMatchObject({ code: "NOT_FOUND", vendorCode: "212" });
    expect(change("212", "max_answered no valid")).toMatchObject({
      code: "VALIDATION",
      vendorCode: "212",
      field: "max_answered",
    });
    // 212 on another operation is not ChangeCampaign's.
    expect(
      decodeVelipError("getCampaignsList", 400, { return: { status: "x", status_code: "212" } })
        ?.code,
    ).toBe("VALIDATION");
  });
});
