import type { Campaign, CampaignStatus } from "@campaignkit/core";
import {
  checkWireTypes,
  isCalendarDate,
  isIanaTimeZone,
  toTimeOfDay,
  type WireType,
} from "@campaignkit/core/internal";
import type { components } from "./generated/voxo-api.js";

type VoxoCampaign = components["schemas"]["Campaign"];

/**
 * A campaign as VOXO may send it: the spec marks every field required, but the mapper reads
 * each one defensively, so a partial object (only `id` is needed) maps too.
 */
export type VoxoCampaignWire = Pick<VoxoCampaign, "id"> & Partial<VoxoCampaign>;

/**
 * VOXO documents `READY` and `PAUSED` as request values only; responses print `state` as a
 * `<string>` placeholder, so any other value is `unknown` rather than guessed.
 */
const STATUS = new Map<unknown, CampaignStatus>([
  ["READY", "active"],
  ["PAUSED", "paused"],
]);

/** The documentation's placeholder values, which say nothing about a campaign. */
const PLACEHOLDERS = new Set(["<string>", "null", ""]);

function readableString(value: unknown): string | undefined {
  return typeof value === "string" && !PLACEHOLDERS.has(value.trim()) ? value : undefined;
}

function calendarDate(value: unknown): string | undefined {
  return typeof value === "string" && isCalendarDate(value) ? value : undefined;
}

/** The wire fields behind normalized fields, and the JSON types they may have. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  id: ["number", "string"],
  name: ["string"],
  state: ["string"],
  timezone: ["string"],
  dateStart: ["string"],
  dateEnd: ["string"],
  callHoursStart: ["string"],
  callHoursEnd: ["string"],
};

/**
 * A VOXO campaign as a normalized Campaign. What it cannot read (placeholders, nulls, dates
 * that are not `YYYY-MM-DD`, zones that are not IANA names, calling hours that are not two
 * `HH:MM` times in order) is left to `raw`, never guessed. `timeStart`/`timeEnd`,
 * `callFrequency` and `callDelay` stay in `raw`: VOXO does not document what they mean in
 * normalized terms. VOXO reports no statistics.
 */
export function mapVoxoCampaign(campaign: VoxoCampaignWire): Campaign {
  checkWireTypes("voxo", "campaign", campaign, WIRE_TYPES);
  const name = readableString(campaign.name);
  const timezone = readableString(campaign.timezone);
  const startDate = calendarDate(campaign.dateStart);
  const endDate = calendarDate(campaign.dateEnd);
  const start = toTimeOfDay(campaign.callHoursStart);
  const end = toTimeOfDay(campaign.callHoursEnd);
  const schedule: NonNullable<Campaign["schedule"]> = {
    ...(timezone !== undefined && isIanaTimeZone(timezone) ? { timezone } : {}),
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined ? {} : { endDate }),
    ...(start && end && end > start ? { callingHours: { daily: { start, end } } } : {}),
  };
  return {
    vendor: "voxo",
    id: String(campaign.id),
    ...(name === undefined ? {} : { name }),
    status: STATUS.get(campaign.state) ?? "unknown",
    ...(Object.keys(schedule).length > 0 ? { schedule } : {}),
    raw: campaign,
  };
}
