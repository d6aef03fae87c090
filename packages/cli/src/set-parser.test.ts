import {
  CampaignkitError,
  PATCH_FIELD_METADATA,
  PATCH_FIELDS,
  type PatchValueKind,
  parseCampaignPatch,
} from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { UsageError } from "./exit-codes.js";
import {
  parseCallingHours,
  parseFieldValue,
  patchFromAssignments,
  patchInputFromAssignments,
  setPath,
} from "./set-parser.js";

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("--set parsing", () => {
  it("builds a nested patch from dotted fields", () => {
    expect(
      patchFromAssignments("altur", [
        "name=Spring wave",
        "status=paused",
        "schedule.timezone=Europe/Lisbon",
        "schedule.startDate=2026-05-01",
        "schedule.callingHours=09:00-17:00",
        "redial.maxRetries=2",
        "redial.onBusy=false",
      ]),
    ).toEqual({
      name: "Spring wave",
      status: "paused",
      schedule: {
        timezone: "Europe/Lisbon",
        startDate: "2026-05-01",
        callingHours: { daily: { start: "09:00", end: "17:00" } },
      },
      redial: { maxRetries: 2, onBusy: false },
    });
  });

  it("keeps everything after the first = as the value", () => {
    expect(patchFromAssignments("voxo", ["name=a=b"])).toEqual({ name: "a=b" });
  });

  it("reads pacing.callsPerMinute as a number or max", () => {
    expect(parseFieldValue("velip", "pacing.callsPerMinute", "20")).toBe(20);
    expect(parseFieldValue("velip", "pacing.callsPerMinute", "max")).toBe("max");
    expect(patchFromAssignments("velip", ["pacing.callsPerMinute=max"])).toEqual({
      pacing: { callsPerMinute: "max" },
    });
  });

  it("reads weekly calling hours, several windows a day and day spans", () => {
    expect(parseCallingHours("altur", "mon=09:00-12:00,14:00-17:00;fri=09:00-13:00")).toEqual({
      weekly: {
        mon: [
          { start: "09:00", end: "12:00" },
          { start: "14:00", end: "17:00" },
        ],
        fri: [{ start: "09:00", end: "13:00" }],
      },
    });
    const span = parseCallingHours("asisso", "mon-wed=10:00-11:00;sat=");
    expect(span).toEqual({
      weekly: {
        mon: [{ start: "10:00", end: "11:00" }],
        tue: [{ start: "10:00", end: "11:00" }],
        wed: [{ start: "10:00", end: "11:00" }],
        sat: [],
      },
    });
  });

  it("names schedule.callingHours when the hours cannot be read", () => {
    for (const text of ["9-5", "09:00", "25:00-26:00", "17:00-09:00", "funday=09:00-10:00"]) {
      const error = errorOf(() => patchFromAssignments("altur", [`schedule.callingHours=${text}`]));
      expect(error).toBeInstanceOf(CampaignkitError);
      expect((error as CampaignkitError).code).toBe("VALIDATION");
      expect((error as CampaignkitError).field).toBe("schedule.callingHours");
    }
  });

  it("turns a bad value into core's VALIDATION error naming the field", () => {
    const cases: Array<[string, string]> = [
      ["redial.maxRetries=two", "redial.maxRetries"],
      ["redial.maxRetries=-1", "redial.maxRetries"],
      ["pacing.callsPerMinute=fast", "pacing.callsPerMinute"],
      ["redial.onBusy=maybe", "redial.onBusy"],
      ["schedule.timezone=Mars/Olympus", "schedule.timezone"],
      ["schedule.startDate=2026-02-30", "schedule.startDate"],
      ["status=finished", "status"],
      ["name=", "name"],
      ["colour=blue", "colour"],
    ];
    for (const [assignment, field] of cases) {
      const error = errorOf(() => patchFromAssignments("altur", [assignment]));
      expect(error, assignment).toBeInstanceOf(CampaignkitError);
      expect((error as CampaignkitError).code, assignment).toBe("VALIDATION");
      expect((error as CampaignkitError).field, assignment).toBe(field);
    }
  });

  it("is a usage error without field=value, with a field twice, or with nothing to set", () => {
    expect(errorOf(() => patchFromAssignments("altur", ["name"]))).toBeInstanceOf(UsageError);
    expect(errorOf(() => patchFromAssignments("altur", ["=x"]))).toBeInstanceOf(UsageError);
    expect(errorOf(() => patchFromAssignments("altur", ["__proto__.x=1"]))).toBeInstanceOf(
      UsageError,
    );
    expect(errorOf(() => patchFromAssignments("altur", ["name=a", "name=b"]))).toBeInstanceOf(
      UsageError,
    );
    expect(errorOf(() => patchFromAssignments("altur", []))).toBeInstanceOf(UsageError);
  });

  it("leaves text that is not of the field's type as text, for core to name", () => {
    expect(patchInputFromAssignments("altur", ["redial.maxRetries=2.5x"])).toEqual({
      redial: { maxRetries: "2.5x" },
    });
  });
});

describe("parseFieldValue reads each field by core's PATCH_FIELD_METADATA", () => {
  /** `--set` text of each kind, and the value it must become. */
  const TEXT: Record<PatchValueKind, [string, unknown]> = {
    text: ["Spring push", "Spring push"],
    integer: [" 3 ", 3],
    boolean: ["TRUE", true],
    "calls-per-minute": ["max", "max"],
    "calling-hours": ["09:00-17:00", { daily: { start: "09:00", end: "17:00" } }],
    date: ["2026-12-03", "2026-12-03"],
    "time-zone": ["Europe/Lisbon", "Europe/Lisbon"],
    status: ["paused", "paused"],
  };

  it.each([...PATCH_FIELDS])(
    "%s: its kind's text becomes a value parseCampaignPatch accepts",
    (field) => {
      const [text, expected] = TEXT[PATCH_FIELD_METADATA[field].kind];
      const value = parseFieldValue("acme", field, text);
      expect(value).toEqual(expected);
      const input: Record<string, unknown> = {};
      setPath(input, field, value);
      expect(() => parseCampaignPatch("acme", input)).not.toThrow();
    },
  );

  it("keeps text that is not of the field's kind as text, and any other field's value as text", () => {
    expect(parseFieldValue("acme", "redial.maxRetries", "two")).toBe("two");
    expect(parseFieldValue("acme", "redial.onBusy", "yes")).toBe("yes");
    expect(parseFieldValue("acme", "pacing.callsPerMinute", "20")).toBe(20);
    expect(parseFieldValue("acme", "name", "42")).toBe("42");
    expect(parseFieldValue("acme", "vendor.velip.max_answered", "100")).toBe("100");
  });
});
