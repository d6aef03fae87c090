import { CampaignSchema } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { toAlturUpdateBody } from "./convert-to-altur-steps.js";
import { mapAlturCampaign } from "./map-altur-campaign.js";

const day = (startTime: string, stopTime: string) => ({ startTime, stopTime, active: true });
const off = { startTime: "09:00", stopTime: "17:00", active: false };

describe("mapAlturCampaign", () => {
  it("maps id, name, status and a per-day schedule", () => {
    const wire = {
      id: 1234,
      name: "Q2",
      status: "inactive" as const,
      scheduling: { mon: day("09:00", "17:00"), tue: day("10:00", "12:00"), wed: off },
    };
    const campaign = mapAlturCampaign(wire);
    expect(campaign).toEqual({
      vendor: "altur",
      id: "1234",
      name: "Q2",
      status: "paused",
      schedule: {
        callingHours: {
          weekly: {
            mon: [{ start: "09:00", end: "17:00" }],
            tue: [{ start: "10:00", end: "12:00" }],
          },
        },
      },
      raw: wire,
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("reads the same window on all seven days as a daily schedule, and accepts the Spanish endTime", () => {
    const scheduling = Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
        d,
        { startTime: "09:00", endTime: "17:00", active: true },
      ]),
    );
    expect(mapAlturCampaign({ id: 1, scheduling }).schedule).toEqual({
      callingHours: { daily: { start: "09:00", end: "17:00" } },
    });
  });

  it.each([
    ["pending", "draft"],
    ["ready", "scheduled"],
    ["active", "active"],
    ["cooldown", "active"],
    ["inactive", "paused"],
    ["finished", "finished"],
  ] as const)("maps status %s to %s", (status, expected) => {
    expect(mapAlturCampaign({ id: 1, status }).status).toBe(expected);
  });

  it("leaves times it cannot read to raw, and an absent status as unknown", () => {
    const wire = { id: 1, scheduling: { mon: day("<string>", "<string>") } };
    const campaign = mapAlturCampaign(wire);
    expect(campaign.status).toBe("unknown");
    expect(campaign.schedule).toBeUndefined();
    expect(campaign.raw).toBe(wire);
  });
});

describe("toAlturUpdateBody and mapAlturCampaign round-trip", () => {
  it("writes a weekly schedule that reads back the same", () => {
    const callingHours = {
      weekly: { mon: [{ start: "09:00", end: "17:00" }], fri: [{ start: "09:00", end: "13:00" }] },
    };
    const body = toAlturUpdateBody({ schedule: { callingHours } });
    expect(body.scheduling?.mon).toEqual({ startTime: "09:00", stopTime: "17:00", active: true });
    expect(body.scheduling?.sun).toEqual({ active: false });
    expect(mapAlturCampaign({ id: 1, scheduling: body.scheduling }).schedule).toEqual({
      callingHours,
    });
  });

  it("maps name, timezone and retries to their wire fields", () => {
    expect(
      toAlturUpdateBody({
        name: "Wave 2",
        schedule: { timezone: "Europe/Lisbon" },
        redial: { maxRetries: 3 },
      }),
    ).toEqual({ name: "Wave 2", timezone: "Europe/Lisbon", retries: 3 });
  });
});

describe("mapAlturCampaign on hostile values", () => {
  it("reads an inherited property name as an unknown status, and refuses a campaign without an id", () => {
    expect(mapAlturCampaign({ id: 1, status: "constructor" as never }).status).toBe("unknown");
    expect(() => mapAlturCampaign({ name: "no id" } as never)).toThrow(/no usable id/);
  });
});

describe("mapAlturCampaign on list items (vendor-notes, update of 2026-12-01)", () => {
  it("reads timezone, retries and concurrency_limit under the English names", () => {
    const wire = {
      id: 1234,
      status: "active" as const,
      timezone: "America/Mexico_City",
      retries: 2,
      concurrency_limit: 5,
      cycle_enabled: true,
    };
    expect(mapAlturCampaign(wire)).toMatchObject({
      schedule: { timezone: "America/Mexico_City" },
      redial: { maxRetries: 2 },
      pacing: { maxConcurrentCalls: 5 },
    });
  });

  it("reads the Spanish page's `concurrency`, and the English name when both arrive", () => {
    expect(mapAlturCampaign({ id: 1, concurrency: 2 }).pacing).toEqual({ maxConcurrentCalls: 2 });
    expect(
      mapAlturCampaign({ id: 1, concurrency_limit: 4, concurrency: 2 } as never).pacing,
    ).toEqual({ maxConcurrentCalls: 4 });
  });

  it("leaves to raw what it cannot read, and refuses a wrongly typed timezone", () => {
    const campaign = mapAlturCampaign({
      id: 1,
      timezone: "<string>",
      retries: -1,
      concurrency_limit: "5",
    } as never);
    expect(campaign.schedule).toBeUndefined();
    expect(campaign.redial).toBeUndefined();
    expect(campaign.pacing).toBeUndefined();
    expect(() => mapAlturCampaign({ id: 1, timezone: 3 } as never)).toThrow(/timezone/);
  });
});
