import type { Campaign, CampaignStatus, Pacing, Stats } from "@campaignkit/core";
import {
  checkWireTypes,
  isCalendarDate,
  toTimeOfDay,
  type WireType,
} from "@campaignkit/core/internal";
import type { components } from "./generated/velip-api.js";

type VelipCampaign = components["schemas"]["Campaign"];

/** `"cp_active "` (the key ends in a space). `"2"`: contacts are still loading. */
const STATUS: Record<string, CampaignStatus> = {
  "1": "active",
  "0": "paused",
  "2": "draft",
};

/** A whole number ≥ 0 from a number or a string of digits; `"null"` and anything else: undefined. */
function count(value: unknown): number | undefined {
  const number =
    typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : (value as number);
  return typeof number === "number" && Number.isSafeInteger(number) && number >= 0
    ? number
    : undefined;
}

function positive(value: unknown): number | undefined {
  const number = count(value);
  return number === undefined || number === 0 ? undefined : number;
}

function date(value: unknown): string | undefined {
  return typeof value === "string" && isCalendarDate(value) ? value : undefined;
}

function pacingOf(campaign: VelipCampaign): Pacing {
  const pacing: Pacing = {};
  const rate = campaign.cp_lig_min === "max" ? "max" : positive(campaign.cp_lig_min);
  if (rate !== undefined) pacing.callsPerMinute = rate;
  const transfers = positive(campaign.cp_pas);
  if (transfers !== undefined) pacing.maxConcurrentTransfers = transfers;
  return pacing;
}

function statsOf(campaign: VelipCampaign): Stats {
  const stats: Stats = {};
  const entries: [keyof Stats, unknown][] = [
    ["contacts", campaign.cp_destinations],
    ["callsMade", campaign.cp_made],
    ["callsAnswered", campaign.cp_answered],
    ["callsTransferred", campaign.cp_transfered],
  ];
  for (const [key, value] of entries) {
    const number = count(value);
    if (number !== undefined) stats[key] = number;
  }
  return stats;
}

const nonEmpty = <T extends object>(value: T) => Object.keys(value).length > 0;

/** The wire fields behind normalized fields, and the JSON types they may have. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  cp_id: ["number", "string"],
  cp_name: ["string"],
  "cp_active ": ["string", "number"],
  cp_date_start: ["string"],
  cp_date_end: ["string"],
  cp_time_start: ["string"],
  cp_time_end: ["string"],
  // Velip sends numbers as numbers or as strings (`"null"` included).
  cp_lig_min: ["number", "string"],
  cp_pas: ["number", "string"],
  cp_destinations: ["number", "string"],
  cp_made: ["number", "string"],
  cp_answered: ["number", "string"],
  cp_transfered: ["number", "string"],
};

/**
 * A failed destination load: `cp_status_txt` starts with "Falha na geração", the campaign is set
 * inactive and can never run again (vendor-notes, 2026-12): normalized `failed`, with the text.
 */
function loadFailure(text: unknown): string | undefined {
  return typeof text === "string" && text.normalize("NFC").startsWith("Falha na geração")
    ? text
    : undefined;
}

/**
 * A Velip campaign as a normalized Campaign. The status is read from the key `"cp_active "`
 * with its trailing space, as Velip asks; numbers may arrive as strings; `"null"` strings,
 * impossible dates and unreadable times are left to `raw` rather than guessed.
 */
export function mapVelipCampaign(campaign: VelipCampaign): Campaign {
  checkWireTypes("velip", "campaign", campaign, WIRE_TYPES);
  const schedule: NonNullable<Campaign["schedule"]> = {};
  const startDate = date(campaign.cp_date_start);
  if (startDate) schedule.startDate = startDate;
  const endDate = date(campaign.cp_date_end);
  if (endDate) schedule.endDate = endDate;
  // Responses give HH:MM (requests take HH:MM:SS); both read.
  const start = toTimeOfDay(campaign.cp_time_start);
  const end = toTimeOfDay(campaign.cp_time_end);
  if (start && end && end > start) schedule.callingHours = { daily: { start, end } };

  const active = campaign["cp_active "];
  const pacing = pacingOf(campaign);
  const stats = statsOf(campaign);
  const id = campaign.cp_id;
  const failedLoad = loadFailure(campaign.cp_status_txt);
  return {
    vendor: "velip",
    id: typeof id === "number" || typeof id === "string" ? String(id) : "",
    ...(typeof campaign.cp_name === "string" ? { name: campaign.cp_name } : {}),
    status: failedLoad
      ? "failed"
      : (typeof active === "string" && Object.hasOwn(STATUS, active) && STATUS[active]) ||
        "unknown",
    ...(failedLoad ? { statusReason: { code: "load_failed", message: failedLoad } } : {}),
    ...(nonEmpty(schedule) ? { schedule } : {}),
    ...(nonEmpty(pacing) ? { pacing } : {}),
    ...(nonEmpty(stats) ? { stats } : {}),
    raw: campaign,
  };
}
