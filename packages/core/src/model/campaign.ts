import * as z from "zod/mini";
import { isCalendarDate, isIanaTimeZone, minutesOf, TIME_OF_DAY } from "./formats.js";

/**
 * Every normalized campaign status; each vendor's own statuses map onto these (`unknown` where one
 * does not).
 */
export const CAMPAIGN_STATUSES = [
  "draft",
  "scheduled",
  "active",
  "paused",
  "finished",
  "failed",
  "unknown",
] as const;
/** A normalized campaign status, one of `CAMPAIGN_STATUSES`. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The keys of a weekly calling-hours schedule, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** A day of a weekly schedule, one of `WEEKDAYS`. */
export type Weekday = (typeof WEEKDAYS)[number];

const timeOfDay = z.string().check(z.regex(TIME_OF_DAY, "must be HH:MM between 00:00 and 23:59"));
const calendarDate = z
  .string()
  .check(z.refine(isCalendarDate, "must be a real calendar date, YYYY-MM-DD"));
const positiveInt = z
  .number()
  .check(z.int("must be a whole number"), z.minimum(1, "must be at least 1"));
const nonNegativeInt = z
  .number()
  .check(z.int("must be a whole number"), z.minimum(0, "must be 0 or more"));

/** A window within one day; `end` is after `start` (no window crosses midnight). */
export const TimeRangeSchema = z.strictObject({ start: timeOfDay, end: timeOfDay }).check(
  z.refine((range) => minutesOf(range.end) > minutesOf(range.start), {
    message: "end must be after start (a window cannot cross midnight)",
    path: ["end"],
  }),
);
/** A calling window within one day, `HH:MM` to `HH:MM` (see `TimeRangeSchema`). */
export type TimeRange = z.infer<typeof TimeRangeSchema>;

const dayRanges = z.optional(z.array(TimeRangeSchema));

/** The same window every day, or windows per weekday (a day absent or empty: no calls). */
export const CallingHoursSchema = z.union([
  z.strictObject({ daily: TimeRangeSchema }),
  z.strictObject({
    weekly: z.strictObject({
      mon: dayRanges,
      tue: dayRanges,
      wed: dayRanges,
      thu: dayRanges,
      fri: dayRanges,
      sat: dayRanges,
      sun: dayRanges,
    }),
  }),
]);
/** When a campaign may call: one daily window or windows per weekday (see `CallingHoursSchema`). */
export type CallingHours = z.infer<typeof CallingHoursSchema>;

export const IanaTimeZoneSchema = z
  .string()
  .check(z.refine(isIanaTimeZone, "must be an IANA time zone name such as Europe/Lisbon"));

function datesInOrder(schedule: { startDate?: string | undefined; endDate?: string | undefined }) {
  return !schedule.startDate || !schedule.endDate || schedule.endDate >= schedule.startDate;
}

/** The writable schedule: strict, every rule checked. */
export const ScheduleSchema = z
  .strictObject({
    timezone: z.optional(IanaTimeZoneSchema),
    startDate: z.optional(calendarDate),
    endDate: z.optional(calendarDate),
    callingHours: z.optional(CallingHoursSchema),
  })
  .check(z.refine(datesInOrder, { message: "must not be before startDate", path: ["endDate"] }));

/**
 * How fast a campaign dials: calls per minute (or `"max"`), concurrent calls, concurrent transfers.
 */
export const PacingSchema = z.strictObject({
  callsPerMinute: z.optional(z.union([positiveInt, z.literal("max")])),
  maxConcurrentCalls: z.optional(positiveInt),
  maxConcurrentTransfers: z.optional(positiveInt),
});
/** How fast a campaign dials (see `PacingSchema`). */
export type Pacing = z.infer<typeof PacingSchema>;

/** How an unanswered contact is dialled again (not HTTP retries). */
export const RedialSchema = z.strictObject({
  maxRetries: z.optional(nonNegativeInt),
  delaySeconds: z.optional(nonNegativeInt),
  onBusy: z.optional(z.boolean()),
  onNoAnswer: z.optional(z.boolean()),
  onVoicemail: z.optional(z.boolean()),
});
/** How an unanswered contact is dialled again (see `RedialSchema`). */
export type Redial = z.infer<typeof RedialSchema>;

/** Counts of a campaign's contacts and calls, as far as the vendor reports them. */
export const StatsSchema = z.strictObject({
  contacts: z.optional(nonNegativeInt),
  contactsProcessed: z.optional(nonNegativeInt),
  contactsFailed: z.optional(nonNegativeInt),
  callsMade: z.optional(nonNegativeInt),
  callsAnswered: z.optional(nonNegativeInt),
  callsTransferred: z.optional(nonNegativeInt),
});
/** Counts of a campaign's contacts and calls (see `StatsSchema`). */
export type Stats = z.infer<typeof StatsSchema>;

/**
 * Why the vendor put the campaign in its status, when the vendor says so: `code` is the vendor's
 * own name for the cause (Asisso's log event `circuit_breaker_tripped`, campaignkit's `load_failed`
 * for Velip's failed destination load), `message` its text, `at` when the vendor recorded it.
 */
export const StatusReasonSchema = z.strictObject({
  code: z.string().check(z.minLength(1)),
  message: z.optional(z.string()),
  at: z.optional(z.string()),
});
/** Why the vendor put a campaign in its status (see `StatusReasonSchema`). */
export type StatusReason = z.infer<typeof StatusReasonSchema>;

/**
 * A campaign as read from a vendor. Lenient where vendors are (a zone is any name the vendor
 * sends, a rate may be fractional), strict in shape; `raw` is the vendor payload as received.
 */
export const CampaignSchema = z.strictObject({
  vendor: z.string().check(z.minLength(1)),
  id: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
  status: z.enum(CAMPAIGN_STATUSES),
  /** Set only when the vendor gives a reason for the status (a read-only field). */
  statusReason: z.optional(StatusReasonSchema),
  schedule: z.optional(
    z.strictObject({
      timezone: z.optional(z.string().check(z.minLength(1))),
      startDate: z.optional(calendarDate),
      endDate: z.optional(calendarDate),
      callingHours: z.optional(CallingHoursSchema),
    }),
  ),
  pacing: z.optional(
    z.strictObject({
      callsPerMinute: z.optional(z.union([z.number().check(z.positive()), z.literal("max")])),
      maxConcurrentCalls: z.optional(positiveInt),
      maxConcurrentTransfers: z.optional(positiveInt),
    }),
  ),
  redial: z.optional(RedialSchema),
  stats: z.optional(StatsSchema),
  raw: z.unknown(),
});
/** A campaign as read from a vendor, in the normalized model (see `CampaignSchema`). */
export type Campaign = z.infer<typeof CampaignSchema>;
