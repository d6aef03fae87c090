import type { Campaign } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { alreadyApplied, fieldsToChange, remainingPatch } from "./diff.js";

const campaign: Campaign = {
  vendor: "asisso",
  id: "42",
  name: "Renewals",
  status: "paused",
  schedule: {
    timezone: "Europe/Lisbon",
    callingHours: { daily: { start: "09:00", end: "17:00" } },
  },
  pacing: { maxConcurrentCalls: 10 },
  redial: { maxRetries: 2, onBusy: true },
  raw: {},
};

describe("unchanged detection", () => {
  it("is unchanged when every field the patch sets already holds", () => {
    expect(
      alreadyApplied(campaign, { patch: { name: "Renewals", redial: { maxRetries: 2 } } }),
    ).toBe(true);
    expect(alreadyApplied(campaign, { patch: { status: "paused" } })).toBe(true);
  });

  it("lists the fields that differ", () => {
    expect(
      fieldsToChange(campaign, {
        name: "Renewals",
        pacing: { maxConcurrentCalls: 20 },
        redial: { onBusy: true, maxRetries: 3 },
      }),
    ).toEqual(["pacing.maxConcurrentCalls", "redial.maxRetries"]);
  });

  it("compares calling hours by their windows, daily or weekly", () => {
    const everyDay = { start: "09:00", end: "17:00" };
    const weekly = {
      weekly: {
        mon: [everyDay],
        tue: [everyDay],
        wed: [everyDay],
        thu: [everyDay],
        fri: [everyDay],
        sat: [everyDay],
        sun: [everyDay],
      },
    };
    expect(alreadyApplied(campaign, { patch: { schedule: { callingHours: weekly } } })).toBe(true);
    expect(
      alreadyApplied(campaign, {
        patch: { schedule: { callingHours: { weekly: { mon: [everyDay] } } } },
      }),
    ).toBe(false);
    expect(
      alreadyApplied(campaign, {
        patch: { schedule: { callingHours: { daily: { start: "09:00", end: "18:00" } } } },
      }),
    ).toBe(false);
  });

  it("sends a field the vendor does not read back (it cannot be confirmed)", () => {
    const { schedule: _schedule, ...withoutSchedule } = campaign;
    expect(
      alreadyApplied(withoutSchedule, { patch: { schedule: { timezone: "Europe/Lisbon" } } }),
    ).toBe(false);
  });

  it("is unchanged when an action's target status already holds", () => {
    expect(alreadyApplied(campaign, { action: "pause" })).toBe(true);
    expect(alreadyApplied(campaign, { action: "resume" })).toBe(false);
    expect(alreadyApplied({ ...campaign, status: "active" }, { action: "resume" })).toBe(true);
  });
});

describe("remainingPatch", () => {
  it("keeps only the fields the campaign does not hold, and those it does not read back", () => {
    const campaign: Campaign = {
      vendor: "altur",
      id: "1",
      name: "Spring",
      status: "paused",
      schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
      raw: {},
    };
    expect(
      remainingPatch(campaign, {
        name: "Spring",
        status: "active",
        schedule: {
          timezone: "Europe/Lisbon",
          callingHours: { daily: { start: "09:00", end: "17:00" } },
        },
      }),
    ).toEqual({ status: "active", schedule: { timezone: "Europe/Lisbon" } });
    expect(remainingPatch(campaign, { name: "Spring", status: "paused" })).toEqual({});
  });
});
