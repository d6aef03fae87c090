import { describe, expect, it } from "vitest";
import { PATCH_FIELDS, type PatchField } from "../model/campaign-patch.js";
import {
  checkOperationSupported,
  checkPatchSupported,
  type FieldSupport,
  type ProviderCapabilities,
} from "./capabilities.js";

function capabilities(overrides: Partial<Record<PatchField, FieldSupport>>): ProviderCapabilities {
  const patch = Object.fromEntries(
    PATCH_FIELDS.map((f) => [f, { supported: false, note: "not here" }]),
  ) as Record<PatchField, FieldSupport>;
  return {
    operations: {
      getCampaign: { supported: true },
      listCampaigns: { supported: false, note: "no list endpoint" },
      updateCampaign: { supported: true },
      pauseCampaign: { supported: true },
      resumeCampaign: { supported: true },
    },
    patch: { ...patch, ...overrides },
  };
}

const error = (run: () => void) => {
  try {
    run();
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  return undefined;
};

describe("checkPatchSupported", () => {
  it("refuses an unsupported field as UNSUPPORTED, naming it and the reason", () => {
    expect(error(() => checkPatchSupported("acme", capabilities({}), { name: "x" }))).toMatchObject(
      {
        code: "UNSUPPORTED",
        field: "name",
        message: "acme cannot set name: not here",
      },
    );
  });

  it("applies number and length bounds", () => {
    const caps = capabilities({
      name: { supported: true, maxLength: 3 },
      "pacing.maxConcurrentCalls": { supported: true, min: 1, max: 100 },
    });
    expect(
      error(() => checkPatchSupported("acme", caps, { pacing: { maxConcurrentCalls: 101 } })),
    ).toMatchObject({
      code: "VALIDATION",
      field: "pacing.maxConcurrentCalls",
    });
    expect(error(() => checkPatchSupported("acme", caps, { name: "long" }))?.field).toBe("name");
    expect(
      error(() =>
        checkPatchSupported("acme", caps, { name: "ok", pacing: { maxConcurrentCalls: 100 } }),
      ),
    ).toBeUndefined();
  });

  it("refuses max where the vendor needs a number", () => {
    const caps = capabilities({ "pacing.callsPerMinute": { supported: true, allowsMax: false } });
    expect(
      error(() => checkPatchSupported("acme", caps, { pacing: { callsPerMinute: "max" } }))?.code,
    ).toBe("VALIDATION");
  });

  it("holds a weekly schedule to what the vendor can express", () => {
    const caps = (weekly: "any" | "one-range-per-day" | "same-every-day", maxRanges?: number) =>
      capabilities({
        "schedule.callingHours": {
          supported: true,
          callingHours: { daily: true, weekly, ...(maxRanges ? { maxRanges } : {}) },
        },
      });
    const twoOnMonday = {
      weekly: {
        mon: [
          { start: "09:00", end: "10:00" },
          { start: "11:00", end: "12:00" },
        ],
      },
    };
    const check = (c: ProviderCapabilities, callingHours: object) =>
      error(() => checkPatchSupported("acme", c, { schedule: { callingHours } as never }));
    expect(check(caps("same-every-day"), twoOnMonday)?.message).toContain("same single range");
    expect(check(caps("one-range-per-day"), twoOnMonday)?.message).toContain(
      "one window per weekday",
    );
    expect(check(caps("any", 1), twoOnMonday)?.message).toContain("at most 1 windows");
    expect(check(caps("any"), twoOnMonday)).toBeUndefined();
    expect(check(caps("any"), { weekly: {} })?.message).toContain("at least one window");
  });

  it("requires companion fields", () => {
    const caps = capabilities({
      "schedule.timezone": { supported: true, requires: ["schedule.callingHours"] },
      "schedule.callingHours": { supported: true, callingHours: { daily: true, weekly: "any" } },
    });
    expect(
      error(() => checkPatchSupported("acme", caps, { schedule: { timezone: "UTC" } })),
    ).toMatchObject({
      code: "VALIDATION",
      field: "schedule.timezone",
    });
  });
});

describe("checkOperationSupported", () => {
  it("refuses an unsupported operation with its note", () => {
    expect(
      error(() => checkOperationSupported("acme", capabilities({}), "listCampaigns")),
    ).toMatchObject({
      code: "UNSUPPORTED",
      message: "acme does not support listCampaigns: no list endpoint",
    });
    expect(
      error(() => checkOperationSupported("acme", capabilities({}), "getCampaign")),
    ).toBeUndefined();
  });
});
