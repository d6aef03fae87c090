/**
 * The campaigns the Altur simulator starts with: built from the documented response examples
 * of its spec, with the docs' placeholders replaced by plausible values of the same type, plus
 * `extra` generated campaigns whose ids follow on.
 */
import { pick, WEEKDAYS } from "./seed-values.js";
import type { JsonObject } from "./spec/load-spec.js";

/** What an Altur campaign has beyond its documented wire body (never sent). */
export interface AlturRecord {
  wire: JsonObject;
  integrationType: "phone_call" | "whatsapp";
  /** `cycles.mode`: absent from the documented body; only `scheduled` is a documented value. */
  cyclesMode: string | null;
  /** Written by PATCH, never in an answer: the documented campaign body does not carry them. */
  settings: JsonObject;
}

function week(start: string, stop: string, weekend: boolean): JsonObject {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      { startTime: start, stopTime: stop, active: weekend || (day !== "sat" && day !== "sun") },
    ]),
  );
}

function alturCampaign(
  overrides: JsonObject,
  options: { type?: AlturRecord["integrationType"]; mode?: string | null } = {},
): AlturRecord {
  const mode = options.mode === undefined ? "scheduled" : options.mode;
  const cycles: JsonObject =
    mode === null
      ? { enabled: false }
      : {
          enabled: true,
          max_iterations: 7,
          cooldown_minutes: 720,
          filter_statuses: ["no_answer", "busy"],
          filter_tags: ["reactivation"],
          schedule: week("10:00", "16:00", false),
          schedule_start_date: "2023-12-25",
          schedule_end_date: "2023-12-31",
        };
  return {
    wire: {
      id: 123,
      name: "Holiday reactivation",
      integration: { id: "int_phone_main" },
      agent: { id: "agt_sofia", name: "Sofia" },
      created_at: "2023-11-07T05:31:56Z",
      scheduling: week("09:00", "18:00", false),
      cycles,
      analytics: {},
      status: "active",
      archived: false,
      ...overrides,
    },
    integrationType: options.type ?? "phone_call",
    cyclesMode: mode,
    settings: {},
  };
}

const ALTUR_STATUSES = ["active", "inactive", "pending", "ready", "cooldown", "finished"];
const ALTUR_NAMES = ["Appointment reminders", "NPS survey", "Late payment follow-up"];

export function seedAltur(extra: number): AlturRecord[] {
  const seeded = [
    // Campaign 123 of the documented answers (cycles in scheduled mode).
    alturCampaign({}),
    // Campaign 1234 of the documented curl examples, before "Rename a campaign".
    alturCampaign(
      {
        id: 1234,
        name: "Q2 Reactivation",
        created_at: "2026-04-01T12:00:00Z",
        cycles: {
          enabled: true,
          max_iterations: 3,
          cooldown_minutes: 720,
          filter_statuses: ["no_answer"],
          filter_tags: [],
        },
      },
      { mode: "continuous" },
    ),
    alturCampaign(
      { id: 1235, name: "Q1 Collections", created_at: "2026-01-05T08:00:00Z", status: "finished" },
      { mode: null },
    ),
    alturCampaign(
      {
        id: 1236,
        name: "June welcome messages",
        integration: { id: "int_whatsapp_main" },
        agent: { id: "agt_lucas", name: "Lucas" },
        created_at: "2026-05-20T15:30:00Z",
        status: "pending",
      },
      { type: "whatsapp", mode: null },
    ),
    alturCampaign(
      {
        id: 1237,
        name: "Insurance renewals",
        created_at: "2026-03-10T09:00:00Z",
        status: "inactive",
      },
      { mode: "continuous" },
    ),
    alturCampaign({
      id: 1238,
      name: "Abandoned quotes",
      created_at: "2026-03-15T09:00:00Z",
      status: "cooldown",
    }),
  ];
  // No analytics snapshot yet for a campaign that never ran ("present only when available").
  delete seeded[3]?.wire.analytics;
  for (let i = 1; i <= extra; i++) {
    seeded.push(
      alturCampaign(
        {
          id: 1238 + i,
          name: `${pick(ALTUR_NAMES, i)} ${i}`,
          created_at: "2026-05-01T09:00:00Z",
          status: pick(ALTUR_STATUSES, i - 1),
        },
        { mode: "continuous" },
      ),
    );
  }
  return seeded;
}
