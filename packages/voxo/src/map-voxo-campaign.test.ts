import { CampaignkitError, CampaignSchema } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { toVoxoUpdateBody } from "./convert-to-voxo-steps.js";
import type { components } from "./generated/voxo-api.js";
import { mapVoxoCampaign, type VoxoCampaignWire } from "./map-voxo-campaign.js";

type VoxoUpdate = components["schemas"]["UpdateCampaignRequest"];

/**
 * The campaign VOXO would answer after `body` was applied. Request and response types differ
 * only in `enableVMDetect` (string vs number), which these bodies never carry.
 */
const readBack = (body: VoxoUpdate, id = 1) => mapVoxoCampaign({ id, ...body } as VoxoCampaignWire);

/** The constructed legacy campaign of specs/voxo.openapi.yaml (getCallCampaign example). */
const legacy = {
  id: 101,
  tenantId: 42,
  name: "Renewal reminders",
  type: "<string>",
  dateStart: "2024-03-01",
  dateEnd: "2024-03-31",
  callerId: "5555550100",
  callDelay: 5000,
  state: "PAUSED",
  lastrun: "2024-03-05 14:30:00",
  dialtimeout: 30,
  tech: "VOICE",
  message: "Renewal reminder",
  timeStart: "09:00",
  timeEnd: "17:00",
  timezone: "America/New_York",
  callFrequency: 60,
  callHoursStart: null,
  callHoursEnd: null,
  recording: "no",
  numbers: [],
  destinations: [],
  enableVMDetect: 0,
  matchDestinations: [],
  notMatchDestinations: [],
};

describe("mapVoxoCampaign", () => {
  it("maps id, name, state, zone and dates, and leaves the rest to raw", () => {
    const campaign = mapVoxoCampaign(legacy);
    expect(campaign).toEqual({
      vendor: "voxo",
      id: "101",
      name: "Renewal reminders",
      status: "paused",
      schedule: { timezone: "America/New_York", startDate: "2024-03-01", endDate: "2024-03-31" },
      raw: legacy,
    });
    expect(campaign.raw).toBe(legacy);
    // timeStart/timeEnd are not calling hours; callFrequency is not a call rate.
    expect(campaign.schedule?.callingHours).toBeUndefined();
    expect(campaign.pacing).toBeUndefined();
    expect(campaign.stats).toBeUndefined();
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("reads callHoursStart/callHoursEnd as a daily window", () => {
    const campaign = mapVoxoCampaign({
      id: 5,
      state: "READY",
      callHoursStart: "09:00",
      callHoursEnd: "17:30",
    });
    expect(campaign.status).toBe("active");
    expect(campaign.schedule).toEqual({
      callingHours: { daily: { start: "09:00", end: "17:30" } },
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it.each([
    ["READY", "active"],
    ["PAUSED", "paused"],
    ["ready", "unknown"],
    ["RUNNING", "unknown"],
    ["<string>", "unknown"],
    ["toString", "unknown"],
    [null, "unknown"],
    [undefined, "unknown"],
  ] as const)("maps state %j to %s", (state, expected) => {
    expect(mapVoxoCampaign({ id: 1, state }).status).toBe(expected);
  });

  it("reads nothing from the documented placeholder body", () => {
    const placeholder = {
      id: 123,
      tenantId: 123,
      name: "<string>",
      type: "<string>",
      dateStart: "<string>",
      dateEnd: "<string>",
      state: "<string>",
      timezone: "<string>",
      callHoursStart: "<string>",
      callHoursEnd: "<string>",
    };
    expect(mapVoxoCampaign(placeholder)).toEqual({
      vendor: "voxo",
      id: "123",
      status: "unknown",
      raw: placeholder,
    });
  });

  it.each([
    ["a zone that is not an IANA name", { timezone: "+01:00" }],
    ['a "null" string zone', { timezone: "null" }],
    ["an impossible date", { dateStart: "2024-02-30" }],
    ["a date with a time", { dateEnd: "2024-03-31 00:00:00" }],
    ["hours that end before they start", { callHoursStart: "17:00", callHoursEnd: "09:00" }],
    ["hours that are not HH:MM", { callHoursStart: "9am", callHoursEnd: "5pm" }],
    ["only a start hour", { callHoursStart: "09:00", callHoursEnd: null }],
  ])("leaves %s to raw", (_, fields) => {
    const wire = { id: 1, ...fields };
    const campaign = mapVoxoCampaign(wire);
    expect(campaign.schedule).toBeUndefined();
    expect(campaign.raw).toBe(wire);
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("leaves out a placeholder name, and refuses one of the wrong type", () => {
    expect(mapVoxoCampaign({ id: 1, name: "null" })).not.toHaveProperty("name");
    expect(() => mapVoxoCampaign({ id: 1, name: 42 as never })).toThrow(
      expect.objectContaining({
        code: "INVALID_RESPONSE",
        details: expect.objectContaining({ wireField: "name" }),
      }),
    );
  });
});

describe("toVoxoUpdateBody and mapVoxoCampaign round-trip", () => {
  it("maps every supported field to its wire field, and reads it back the same", () => {
    const patch = {
      name: "Wave 2",
      status: "active" as const,
      schedule: {
        timezone: "Europe/Lisbon",
        startDate: "2026-01-05",
        endDate: "2026-02-27",
        callingHours: { daily: { start: "09:00", end: "18:00" } },
      },
    };
    const body = toVoxoUpdateBody(patch);
    expect(body).toEqual({
      name: "Wave 2",
      state: "READY",
      timezone: "Europe/Lisbon",
      dateStart: "2026-01-05",
      dateEnd: "2026-02-27",
      callHoursStart: "09:00",
      callHoursEnd: "18:00",
    });
    const { vendor, raw, id, ...read } = readBack(body, 9);
    expect(read).toEqual(patch);
  });

  it("writes paused as state PAUSED, which reads back as paused", () => {
    const body = toVoxoUpdateBody({ status: "paused" });
    expect(body).toEqual({ state: "PAUSED" });
    expect(readBack(body).status).toBe("paused");
  });

  it("writes a weekly schedule with the same window every day as the one daily window", () => {
    const window = [{ start: "08:00", end: "12:00" }];
    const weekly = { mon: window, tue: window, wed: window, thu: window, fri: window };
    const everyDay = { ...weekly, sat: window, sun: window };
    const body = toVoxoUpdateBody({ schedule: { callingHours: { weekly: everyDay } } });
    expect(body).toEqual({ callHoursStart: "08:00", callHoursEnd: "12:00" });
    expect(readBack(body).schedule).toEqual({
      callingHours: { daily: { start: "08:00", end: "12:00" } },
    });
    // Weekdays only is not one window every day: refused, never widened to the weekend.
    expect(() => toVoxoUpdateBody({ schedule: { callingHours: { weekly } } })).toThrow(
      CampaignkitError,
    );
  });

  it("never sends timeStart, timeEnd or callFrequency", () => {
    const body = toVoxoUpdateBody({
      schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
    });
    expect(Object.keys(body).sort()).toEqual(["callHoursEnd", "callHoursStart"]);
  });
});
