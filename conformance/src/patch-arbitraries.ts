import {
  type CallingHoursSupport,
  type FieldSupport,
  PATCH_FIELDS,
  type PatchField,
  type ProviderCapabilities,
} from "@campaignkit/core";
import fc from "fast-check";

/** How many patches each property tries per vendor: 1,000 in CI, more in a soak run. */
export const FUZZ_RUNS = Number(process.env.CAMPAIGNKIT_FUZZ_RUNS ?? 1000);

const time = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  fc.constantFrom("24:00", "9:00", "12:60", "noon", ""),
);
const range = fc.record({ start: time, end: time });
const ranges = fc.array(range, { maxLength: 3 });
const callingHours = fc.oneof(
  fc.record({ daily: range }),
  fc.record({
    weekly: fc.record(
      { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges },
      { requiredKeys: [] },
    ),
  }),
  fc.constant({ daily: { start: "09:00", end: "17:00" } }),
  fc.constant({ hourly: true }),
);
const date = fc.oneof(
  fc
    .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2026-13-01", "26-01-01", "tomorrow"),
);

/**
 * Patches as a careless or hostile caller writes them: mostly plausible, often out of bounds,
 * sometimes of the wrong type or with keys that do not exist.
 */
export const anyPatch: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    name: fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.constantFrom("", "x".repeat(300)),
      fc.integer(),
    ),
    status: fc.constantFrom("active", "paused", "finished", "ACTIVE", 1),
    schedule: fc.record(
      {
        timezone: fc.constantFrom(
          "Europe/Lisbon",
          "UTC",
          "America/Denver",
          "Asia/Kolkata",
          "Mars/Olympus",
          "+01:00",
          "",
        ),
        startDate: date,
        endDate: date,
        callingHours,
      },
      { requiredKeys: [] },
    ),
    pacing: fc.record(
      {
        callsPerMinute: fc.oneof(
          fc.integer({ min: -5, max: 300 }),
          fc.constant("max"),
          fc.constant(2.5),
        ),
        maxConcurrentCalls: fc.integer({ min: -1, max: 150 }),
        maxConcurrentTransfers: fc.integer({ min: -1, max: 20 }),
      },
      { requiredKeys: [] },
    ),
    redial: fc.record(
      {
        maxRetries: fc.integer({ min: -2, max: 15 }),
        delaySeconds: fc.integer({ min: -10, max: 5000 }),
        onBusy: fc.oneof(fc.boolean(), fc.constant("yes")),
        onNoAnswer: fc.boolean(),
        onVoicemail: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    colour: fc.constant("red"),
  },
  { requiredKeys: [] },
);

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An oracle written apart from core: patches that break a rule any reader of the model can
 * check by eye. Every such patch must be refused, whatever the vendor.
 */
export function obviouslyInvalid(patch: Record<string, unknown>): string | undefined {
  if ("colour" in patch) return "unknown key";
  if (Object.keys(patch).length === 0) return "empty";
  if (patch.status !== undefined && patch.status !== "active" && patch.status !== "paused")
    return "status";
  const schedule = patch.schedule as Record<string, unknown> | undefined;
  if (
    schedule?.timezone === "Mars/Olympus" ||
    schedule?.timezone === "+01:00" ||
    schedule?.timezone === ""
  )
    return "zone";
  const hours = schedule?.callingHours as Record<string, unknown> | undefined;
  if (hours && "hourly" in hours) return "calling hours shape";
  const windows =
    hours && "daily" in hours
      ? [hours.daily]
      : Object.values((hours?.weekly ?? {}) as Record<string, unknown[]>).flat();
  for (const window of windows as { start: string; end: string }[]) {
    if (!HH_MM.test(window.start) || !HH_MM.test(window.end)) return "time";
    if (window.end <= window.start) return "window order";
  }
  const pacing = patch.pacing as Record<string, unknown> | undefined;
  if (typeof pacing?.maxConcurrentCalls === "number" && pacing.maxConcurrentCalls < 1)
    return "concurrency";
  const redial = patch.redial as Record<string, unknown> | undefined;
  if (typeof redial?.maxRetries === "number" && redial.maxRetries < 0) return "retries";
  if (redial?.onBusy === "yes") return "boolean";
  return undefined;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
/** A window inside one day, start before end, on whole quarter hours. */
const validWindow = fc
  .tuple(fc.integer({ min: 0, max: 94 }), fc.integer({ min: 1, max: 24 }))
  .map(([start, length]) => ({
    start: clock(start * 15),
    end: clock(Math.min(start + length, 95) * 15),
  }));
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const ZONES = ["Europe/Lisbon", "UTC", "America/Denver", "Asia/Kolkata", "America/Sao_Paulo"];

function validCallingHours(support: CallingHoursSupport) {
  const daily = validWindow.map((window) => ({ daily: window }));
  const weekly =
    support.weekly === "same-every-day"
      ? validWindow.map((window) => ({
          weekly: Object.fromEntries(DAYS.map((day) => [day, [window]])),
        }))
      : fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }).chain((days) =>
          fc.tuple(...days.map(() => validWindow)).map((windows) => ({
            weekly: Object.fromEntries(days.map((day, i) => [day, [windows[i]]])),
          })),
        );
  return support.daily ? fc.oneof(daily, weekly) : weekly;
}

function validValue(field: PatchField, support: FieldSupport): fc.Arbitrary<unknown> {
  const int = (min: number, max: number) =>
    fc.integer({ min: support.min ?? min, max: support.max ?? max });
  switch (field) {
    case "name":
      return fc.string({
        minLength: Math.max(1, support.minLength ?? 1),
        maxLength: Math.min(support.maxLength ?? 60, 60),
      });
    case "status":
      return fc.constantFrom("active", "paused");
    case "schedule.timezone":
      return fc.constantFrom(...ZONES);
    case "schedule.startDate":
      return fc.constantFrom("2026-05-01", "2026-06-15");
    case "schedule.endDate":
      return fc.constantFrom("2026-07-31", "2026-12-31");
    case "schedule.callingHours":
      return support.callingHours
        ? validCallingHours(support.callingHours)
        : fc.constant(undefined);
    case "pacing.callsPerMinute":
      return support.allowsMax ? fc.oneof(int(1, 120), fc.constant("max")) : int(1, 120);
    case "pacing.maxConcurrentCalls":
      return int(1, 200);
    case "pacing.maxConcurrentTransfers":
      return int(1, 50);
    case "redial.maxRetries":
      return int(0, 10);
    case "redial.delaySeconds":
      return int(0, 3600);
    default:
      return fc.boolean();
  }
}

/** Patches a vendor should accept: one to three of its supported fields, inside its bounds. */
export function supportedPatch(
  capabilities: ProviderCapabilities,
): fc.Arbitrary<Record<string, unknown>> {
  const supported = PATCH_FIELDS.filter((field) => capabilities.patch[field].supported);
  return fc
    .uniqueArray(fc.constantFrom(...supported), { minLength: 1, maxLength: 3 })
    .chain((chosen) => {
      const fields = [
        ...new Set(
          chosen.flatMap((field) => [field, ...(capabilities.patch[field].requires ?? [])]),
        ),
      ];
      return fc
        .tuple(...fields.map((field) => validValue(field, capabilities.patch[field])))
        .map((values) => {
          const patch: Record<string, Record<string, unknown> | unknown> = {};
          fields.forEach((field, i) => {
            const [group, key] = field.split(".") as [string, string | undefined];
            if (key === undefined) patch[group] = values[i];
            else patch[group] = { ...(patch[group] as object | undefined), [key]: values[i] };
          });
          return patch;
        });
    });
}
