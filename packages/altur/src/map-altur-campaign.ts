import {
  type Campaign,
  type CampaignStatus,
  callingHoursFrom,
  type TimeRange,
  WEEKDAYS,
  type Weekday,
} from "@campaignkit/core";
import {
  checkWireTypes,
  isIanaTimeZone,
  toTimeOfDay,
  type WireType,
  wireId,
} from "@campaignkit/core/internal";
import type { components } from "./generated/altur-api.js";

/** A detail (get, PATCH, actions) or a list item, which carries more fields. */
type AlturCampaign = components["schemas"]["Campaign"] | components["schemas"]["CampaignListItem"];
type AlturDaySchedule = components["schemas"]["DaySchedule"];

const STATUS: Record<string, CampaignStatus> = {
  pending: "draft",
  ready: "scheduled",
  active: "active",
  cooldown: "active",
  inactive: "paused",
  finished: "finished",
};

function dayWindow(day: AlturDaySchedule | undefined): TimeRange[] {
  if (day === undefined || day === null) return [];
  checkWireTypes("altur", "campaign.scheduling day", day, {
    active: ["boolean"],
    startTime: ["string"],
    stopTime: ["string"],
    endTime: ["string"],
  });
  if (day.active !== true) return [];
  const start = toTimeOfDay(day.startTime);
  // The Spanish docs call the end `endTime`; the English ones `stopTime`.
  const end = toTimeOfDay(day.stopTime ?? day.endTime);
  return start && end && end > start ? [{ start, end }] : [];
}

/** The wire fields behind normalized fields, and the JSON types they may have. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  id: ["number", "string"],
  name: ["string"],
  status: ["string"],
  scheduling: ["object"],
  // List items only (vendor-notes, update of 2026-12-01); typed as the PATCH fields they set.
  // `concurrency_limit` (Spanish: `concurrency`) has no documented type: read only when whole.
  timezone: ["string"],
  retries: ["number"],
};

const isWhole = (value: unknown, min: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min;

/** The English name's value, else the Spanish page's (vendor-notes: follow English, accept both). */
const enOrEs = (wire: Record<string, unknown>, en: string, es: string): unknown =>
  wire[en] ?? wire[es];

/**
 * An Altur campaign as a normalized Campaign. Day windows whose times are not `HH:MM` (the docs
 * do not fix a format) are left to `raw` rather than guessed.
 */
export function mapAlturCampaign(campaign: AlturCampaign): Campaign {
  checkWireTypes("altur", "campaign", campaign, WIRE_TYPES);
  const byDay: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const day of WEEKDAYS) byDay[day] = dayWindow(campaign.scheduling?.[day]);
  const hasWindows = Object.values(byDay).some((ranges) => ranges && ranges.length > 0);
  const wire = campaign as Record<string, unknown>;
  const schedule: NonNullable<Campaign["schedule"]> = {};
  if (typeof wire.timezone === "string" && isIanaTimeZone(wire.timezone)) {
    schedule.timezone = wire.timezone;
  }
  if (hasWindows) schedule.callingHours = callingHoursFrom(byDay);
  // `concurrency_limit` is read as the concurrent-call cap; Altur does not define it (inferred).
  const concurrency = enOrEs(wire, "concurrency_limit", "concurrency");
  return {
    vendor: "altur",
    id: wireId("altur", "campaign", campaign.id),
    ...(campaign.name === undefined ? {} : { name: campaign.name }),
    status:
      campaign.status && Object.hasOwn(STATUS, campaign.status)
        ? (STATUS[campaign.status] ?? "unknown")
        : "unknown",
    ...(Object.keys(schedule).length > 0 ? { schedule } : {}),
    ...(isWhole(concurrency, 1) ? { pacing: { maxConcurrentCalls: concurrency } } : {}),
    ...(isWhole(wire.retries, 0) ? { redial: { maxRetries: wire.retries } } : {}),
    raw: campaign,
  };
}
