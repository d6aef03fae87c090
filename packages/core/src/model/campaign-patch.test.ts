import { describe, expect, it, vi } from "vitest";
import { CampaignkitError } from "../errors.js";
import { CampaignPatchSchema, fieldsOf, parseCampaignPatch } from "./campaign-patch.js";

function problemOf(input: unknown) {
  try {
    parseCampaignPatch("acme", input);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignkitError);
    return error as CampaignkitError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe("parseCampaignPatch", () => {
  it("accepts a full valid patch and keeps it as given", () => {
    const patch = {
      name: "Spring",
      status: "paused",
      schedule: {
        timezone: "Europe/Lisbon",
        startDate: "2026-03-01",
        endDate: "2026-03-31",
        callingHours: {
          weekly: {
            mon: [
              { start: "09:00", end: "12:00" },
              { start: "14:00", end: "17:00" },
            ],
          },
        },
      },
      pacing: { callsPerMinute: "max", maxConcurrentCalls: 10, maxConcurrentTransfers: 2 },
      redial: {
        maxRetries: 0,
        delaySeconds: 600,
        onBusy: true,
        onNoAnswer: false,
        onVoicemail: false,
      },
    };
    expect(parseCampaignPatch("acme", patch)).toEqual(patch);
    expect(fieldsOf(parseCampaignPatch("acme", patch))).toHaveLength(14);
  });

  it.each([
    [{ colour: "red" }, "colour", "is not a known field"],
    [{ schedule: { tz: "UTC" } }, "schedule.tz", "is not a known field"],
    [{ status: "finished" }, "status", 'must be one of "active", "paused"'],
    [{ name: "" }, "name", "must not be empty"],
    [
      { schedule: { callingHours: { daily: { start: "24:00", end: "25:00" } } } },
      "schedule.callingHours.daily.start",
      "HH:MM",
    ],
    [
      { schedule: { callingHours: { daily: { start: "17:00", end: "09:00" } } } },
      "schedule.callingHours.daily.end",
      "end must be after start",
    ],
    [{ schedule: { timezone: "Mars/Olympus" } }, "schedule.timezone", "IANA"],
    [{ schedule: { timezone: "+01:00" } }, "schedule.timezone", "IANA"],
    [{ schedule: { startDate: "2026-02-30" } }, "schedule.startDate", "calendar date"],
    [
      { schedule: { startDate: "2026-03-10", endDate: "2026-03-01" } },
      "schedule.endDate",
      "before startDate",
    ],
    [{ pacing: { callsPerMinute: 0 } }, "pacing.callsPerMinute", "at least 1"],
    [{ pacing: { maxConcurrentCalls: 2.5 } }, "pacing.maxConcurrentCalls", "whole number"],
    [{ redial: { maxRetries: -1 } }, "redial.maxRetries", "0 or more"],
    [{}, "(patch)", "at least one field"],
    [{ schedule: {} }, "(patch)", "at least one field"],
  ])("refuses %j naming %s", (input, field, rule) => {
    const error = problemOf(input);
    expect(error.code).toBe("VALIDATION");
    expect(error.field).toBe(field);
    expect(error.message).toContain(rule);
  });

  it("names the end of a backwards window inside a weekly schedule", () => {
    const error = problemOf({
      schedule: { callingHours: { weekly: { tue: [{ start: "10:00", end: "09:00" }] } } },
    });
    expect(error.field).toBe("schedule.callingHours.weekly.tue.0.end");
  });

  it("lists every problem, not just the first", () => {
    const error = problemOf({ name: "", pacing: { maxConcurrentCalls: 0 } });
    expect(error.details?.problems).toHaveLength(2);
  });

  it("refuses what is not an object", () => {
    expect(problemOf("pause").code).toBe("VALIDATION");
    expect(problemOf(null).code).toBe("VALIDATION");
  });
});

describe("parseCampaignPatch parses a patch once", () => {
  const input = () => ({
    name: "Q3",
    schedule: {
      timezone: "Europe/Lisbon",
      callingHours: { daily: { start: "09:00", end: "17:00" } },
    },
    vendor: { velip: { max_answered: 100 } },
  });

  it("returns a frozen patch and leaves the caller's objects as they were", () => {
    const given = input();
    const patch = parseCampaignPatch("acme", given);
    expect(Object.isFrozen(patch)).toBe(true);
    expect(Object.isFrozen(patch.schedule?.callingHours)).toBe(true);
    expect(() => {
      (patch as { status?: string }).status = "finished";
    }).toThrow(TypeError);
    expect(Object.isFrozen(given)).toBe(false);
    expect(Object.isFrozen(given.schedule)).toBe(false);
    expect(Object.isFrozen(given.vendor.velip)).toBe(false);
  });

  it("returns its own result unchanged without parsing it again", () => {
    const patch = parseCampaignPatch("acme", input());
    const safeParse = vi.spyOn(CampaignPatchSchema, "safeParse");
    try {
      expect(parseCampaignPatch("acme", patch)).toBe(patch);
      expect(safeParse).not.toHaveBeenCalled();
      // A copy is not one of its results: it is parsed.
      expect(parseCampaignPatch("acme", { ...patch })).not.toBe(patch);
      expect(safeParse).toHaveBeenCalledTimes(1);
    } finally {
      safeParse.mockRestore();
    }
  });

  it("parses its result again when a vendor entry (the caller's object) was changed since", () => {
    const patch = parseCampaignPatch("acme", input());
    (patch.vendor as Record<string, unknown>).velip = 5;
    expect(problemOf(patch)).toMatchObject({ field: "vendor" });
  });
});
