import {
  type Campaign,
  type CampaignStatus,
  callingHoursFrom,
  checkWireTypes,
  type TimeRange,
  toTimeOfDay,
  WEEKDAYS,
  type Weekday,
  type WireType,
  wireId,
} from "@campaignkit/core";
import type { components } from "./generated/altur-api.js";

type AlturCampaign = components["schemas"]["Campaign"];
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
};

/**
 * An Altur campaign as a normalized Campaign. Day windows whose times are not `HH:MM` (the docs
 * do not fix a format) are left to `raw` rather than guessed.
 */
export function mapAlturCampaign(campaign: AlturCampaign): Campaign {
  checkWireTypes("altur", "campaign", campaign, WIRE_TYPES);
  const byDay: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const day of WEEKDAYS) byDay[day] = dayWindow(campaign.scheduling?.[day]);
  const hasWindows = Object.values(byDay).some((ranges) => ranges && ranges.length > 0);
  return {
    vendor: "altur",
    id: wireId("altur", "campaign", campaign.id),
    ...(campaign.name === undefined ? {} : { name: campaign.name }),
    status:
      campaign.status && Object.hasOwn(STATUS, campaign.status)
        ? (STATUS[campaign.status] ?? "unknown")
        : "unknown",
    ...(hasWindows ? { schedule: { callingHours: callingHoursFrom(byDay) } } : {}),
    raw: campaign,
  };
}
