import { describe, expect, it } from "vitest";
import { CallingHoursSchema } from "./campaign.js";
import {
  CampaignPatchSchema,
  PATCH_FIELD_METADATA,
  PATCH_FIELDS,
  type PatchFieldMetadata,
  patchFieldMetadata,
} from "./campaign-patch.js";
import { isCalendarDate, isIanaTimeZone } from "./formats.js";

/** Values of every kind, and near misses of each. */
const CANDIDATES: unknown[] = [
  "Spring push",
  "",
  -1,
  0,
  1,
  3,
  1.5,
  "3",
  true,
  false,
  "true",
  "max",
  "fast",
  null,
  { daily: { start: "09:00", end: "17:00" } },
  { daily: { start: "17:00", end: "09:00" } },
  { weekly: { mon: [{ start: "09:00", end: "12:00" }] } },
  "09:00-17:00",
  "2026-12-03",
  "2026-02-30",
  "Europe/Lisbon",
  "Mars/Olympus_Mons",
  "active",
  "paused",
  "finished",
];

/** What the metadata says a field accepts, worked out without CampaignPatchSchema. */
function accepts(meta: PatchFieldMetadata, value: unknown): boolean {
  const wholeFrom = (minimum: number) => Number.isInteger(value) && (value as number) >= minimum;
  switch (meta.kind) {
    case "text":
      return typeof value === "string" && value.length > 0;
    case "integer":
      return wholeFrom(meta.minimum);
    case "boolean":
      return typeof value === "boolean";
    case "calls-per-minute":
      return value === "max" || wholeFrom(meta.minimum);
    case "calling-hours":
      return CallingHoursSchema.safeParse(value).success;
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "time-zone":
      return typeof value === "string" && isIanaTimeZone(value);
    case "status":
      return (meta.values as readonly unknown[]).includes(value);
  }
}

function patchWith(field: string, value: unknown): Record<string, unknown> {
  const [group, key] = field.split(".") as [string, string | undefined];
  return key === undefined ? { [group]: value } : { [group]: { [key]: value } };
}

describe("PATCH_FIELD_METADATA", () => {
  it("has one entry per PATCH_FIELDS entry, in the same order", () => {
    expect(Object.keys(PATCH_FIELD_METADATA)).toEqual([...PATCH_FIELDS]);
  });

  it.each([...PATCH_FIELDS])(
    "%s: CampaignPatchSchema accepts exactly what its kind says",
    (field) => {
      const meta = PATCH_FIELD_METADATA[field];
      const verdicts = CANDIDATES.map((value) => ({
        value,
        schema: CampaignPatchSchema.safeParse(patchWith(field, value)).success,
      }));
      expect(verdicts).toEqual(
        CANDIDATES.map((value) => ({ value, schema: accepts(meta, value) })),
      );
      // Each field accepts some candidate and refuses some: the comparison above can fail.
      expect(verdicts.some((v) => v.schema)).toBe(true);
      expect(verdicts.some((v) => !v.schema)).toBe(true);
    },
  );

  it("patchFieldMetadata answers for patch fields only", () => {
    expect(patchFieldMetadata("redial.onBusy")).toEqual({ kind: "boolean" });
    expect(patchFieldMetadata("pacing")).toBeUndefined();
    expect(patchFieldMetadata("toString")).toBeUndefined();
    expect(patchFieldMetadata("vendor.velip.max_answered")).toBeUndefined();
  });
});
