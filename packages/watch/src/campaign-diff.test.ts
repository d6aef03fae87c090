import type { Campaign } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { diffCampaigns, fingerprint, stableJson } from "./campaign-diff.js";

const base: Campaign = {
  vendor: "velip",
  id: "1",
  name: "Welcome",
  status: "active",
  schedule: {
    timezone: "Europe/Lisbon",
    callingHours: { daily: { start: "09:00", end: "17:00" } },
  },
  pacing: { callsPerMinute: 10 },
  stats: { callsMade: 3 },
  raw: { cp_id: 1 },
};

describe("diffCampaigns", () => {
  it("names each changed leaf, keeps calling hours whole, and ignores stats and raw", () => {
    const after: Campaign = {
      ...base,
      schedule: { callingHours: { daily: { start: "10:00", end: "17:00" } } },
      pacing: { callsPerMinute: "max" },
      stats: { callsMade: 40 },
      raw: { cp_id: 1, other: true },
    };
    expect(diffCampaigns(base, after)).toEqual([
      { field: "pacing.callsPerMinute", before: 10, after: "max" },
      {
        field: "schedule.callingHours",
        before: { daily: { start: "09:00", end: "17:00" } },
        after: { daily: { start: "10:00", end: "17:00" } },
      },
      { field: "schedule.timezone", before: "Europe/Lisbon" },
    ]);
  });

  it("gives equal fingerprints to campaigns that differ only in stats, raw or key order", () => {
    const { name, status, ...rest } = base;
    const reordered: Campaign = { ...rest, stats: { callsMade: 99 }, raw: null, status, name };
    expect(fingerprint(reordered)).toBe(fingerprint(base));
    expect(fingerprint({ ...base, status: "paused" })).not.toBe(fingerprint(base));
    expect(stableJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});
