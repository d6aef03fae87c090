import {
  type Campaign,
  type CampaignStatus,
  callingHoursFrom,
  type Redial,
  type Stats,
  type StatusReason,
  type TimeRange,
  WEEKDAYS,
  type Weekday,
} from "@campaignkit/core";
import {
  checkWireTypes,
  isIanaTimeZone,
  toTimeOfDay,
  type WireType,
} from "@campaignkit/core/internal";
import type { components } from "./generated/asisso-api.js";

type AsissoCampaign = components["schemas"]["Campaign"];

/**
 * Asisso documents `state` only as a string; the values are inferred from Dograh (its API's
 * `draft|running|paused|completed|failed`, its database's `created|syncing`). `syncing` is the
 * state a started campaign is in before it dials (update of 2026-12-01: start leads to it, and a
 * pause works from it as from `running`): started, so `active`.
 */
const STATE: Record<string, CampaignStatus> = {
  draft: "draft",
  created: "draft",
  syncing: "active",
  running: "active",
  paused: "paused",
  completed: "finished",
  failed: "failed",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/** `day_of_week` 0 = Monday … 6 = Sunday (inferred); anything else is not a weekday. */
export function weekdayOf(dayOfWeek: unknown): Weekday | undefined {
  return typeof dayOfWeek === "number" && Number.isInteger(dayOfWeek)
    ? WEEKDAYS[dayOfWeek]
    : undefined;
}

function scheduleOf(config: unknown): Campaign["schedule"] {
  if (!isRecord(config)) return undefined;
  checkWireTypes("asisso", "campaign.schedule_config", config, {
    enabled: ["boolean"],
    timezone: ["string"],
    slots: ["array"],
  });
  if (config.enabled === false) return undefined;
  const schedule: NonNullable<Campaign["schedule"]> = {};
  if (typeof config.timezone === "string" && isIanaTimeZone(config.timezone)) {
    schedule.timezone = config.timezone;
  }
  const byDay: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const slot of Array.isArray(config.slots) ? config.slots : []) {
    if (slot === null) continue;
    checkWireTypes("asisso", "campaign.schedule_config.slots[]", slot, {
      day_of_week: ["number"],
      start_time: ["string"],
      end_time: ["string"],
    });
    if (!isRecord(slot)) continue;
    const day = weekdayOf(slot.day_of_week);
    const start = toTimeOfDay(slot.start_time);
    const end = toTimeOfDay(slot.end_time);
    if (day && start && end && end > start) byDay[day] = [...(byDay[day] ?? []), { start, end }];
  }
  if (Object.keys(byDay).length > 0) schedule.callingHours = callingHoursFrom(byDay);
  return Object.keys(schedule).length > 0 ? schedule : undefined;
}

function redialOf(config: unknown): Redial | undefined {
  if (!isRecord(config)) return undefined;
  checkWireTypes("asisso", "campaign.retry_config", config, {
    max_retries: ["number"],
    retry_delay_seconds: ["number"],
    retry_on_busy: ["boolean"],
    retry_on_no_answer: ["boolean"],
    retry_on_voicemail: ["boolean"],
  });
  const redial: Redial = {};
  if (isCount(config.max_retries)) redial.maxRetries = config.max_retries;
  if (isCount(config.retry_delay_seconds)) redial.delaySeconds = config.retry_delay_seconds;
  if (typeof config.retry_on_busy === "boolean") redial.onBusy = config.retry_on_busy;
  if (typeof config.retry_on_no_answer === "boolean") redial.onNoAnswer = config.retry_on_no_answer;
  if (typeof config.retry_on_voicemail === "boolean")
    redial.onVoicemail = config.retry_on_voicemail;
  return Object.keys(redial).length > 0 ? redial : undefined;
}

/** `executed_count` is read as calls made: Asisso does not define it, Dograh counts placed calls. */
function statsOf(campaign: Record<string, unknown>): Stats | undefined {
  const stats: Stats = {};
  if (isCount(campaign.total_rows)) stats.contacts = campaign.total_rows;
  if (isCount(campaign.processed_rows)) stats.contactsProcessed = campaign.processed_rows;
  if (isCount(campaign.failed_rows)) stats.contactsFailed = campaign.failed_rows;
  if (isCount(campaign.executed_count)) stats.callsMade = campaign.executed_count;
  return Object.keys(stats).length > 0 ? stats : undefined;
}

/** The wire fields behind normalized fields, and the JSON types they may have. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  id: ["number", "string"],
  name: ["string"],
  state: ["string"],
  schedule_config: ["object"],
  retry_config: ["object"],
  max_concurrency: ["number"],
  total_rows: ["number"],
  processed_rows: ["number"],
  failed_rows: ["number"],
  executed_count: ["number"],
};

/**
 * Asisso pauses a campaign itself when its circuit breaker trips, and appends a `logs[]` entry
 * with `event: "circuit_breaker_tripped"` (vendor-notes, inferred from Dograh): the reason of a
 * paused campaign whose latest log entry is that one.
 */
function statusReasonOf(wire: Record<string, unknown>): StatusReason | undefined {
  if (wire.state !== "paused" || !Array.isArray(wire.logs)) return undefined;
  const last: unknown = wire.logs.at(-1);
  if (!isRecord(last) || last.event !== "circuit_breaker_tripped") return undefined;
  return {
    code: "circuit_breaker_tripped",
    ...(typeof last.message === "string" ? { message: last.message } : {}),
    ...(typeof last.ts === "string" ? { at: last.ts } : {}),
  };
}

/**
 * An Asisso campaign as a normalized Campaign. What it cannot read (the documented
 * placeholders `"<string>"`, a `day_of_week` of 123, a time zone that is not IANA) is left to
 * `raw` rather than guessed. A disabled schedule (`enabled: false`) is no schedule.
 */
export function mapAsissoCampaign(campaign: AsissoCampaign): Campaign {
  checkWireTypes("asisso", "campaign", campaign, WIRE_TYPES);
  // Read field by field as unknown: the documented placeholders break the declared types.
  const wire: Record<string, unknown> = campaign;
  const id = typeof wire.id === "number" || typeof wire.id === "string" ? String(wire.id) : "";
  const schedule = scheduleOf(wire.schedule_config);
  const redial = redialOf(wire.retry_config);
  const stats = statsOf(wire);
  const maxConcurrentCalls = wire.max_concurrency;
  const statusReason = statusReasonOf(wire);
  return {
    vendor: "asisso",
    id,
    ...(typeof wire.name === "string" ? { name: wire.name } : {}),
    status:
      typeof wire.state === "string" && Object.hasOwn(STATE, wire.state)
        ? (STATE[wire.state] ?? "unknown")
        : "unknown",
    ...(statusReason ? { statusReason } : {}),
    ...(schedule ? { schedule } : {}),
    ...(isCount(maxConcurrentCalls) && maxConcurrentCalls > 0
      ? { pacing: { maxConcurrentCalls } }
      : {}),
    ...(redial ? { redial } : {}),
    ...(stats ? { stats } : {}),
    raw: campaign,
  };
}
