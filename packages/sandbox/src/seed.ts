/**
 * The campaigns each simulator starts with: built from the documented response examples of
 * each spec, with the docs' placeholders (`"<string>"`, `123`) replaced by plausible values of
 * the same type, plus `extra` generated campaigns whose ids follow on.
 */
import type { JsonObject } from "./spec/load-spec.js";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

// ---------------------------------------------------------------------------------------- Velip

/** Campaign 987654 of the documented ChangeCampaign example, before the documented change. */
function velipCampaign(overrides: JsonObject): JsonObject {
  return {
    cp_id: 987654,
    cp_name: "Welcome 2026",
    cp_ctid: "null",
    "cp_active ": "1",
    "cp_ontime ": "0",
    cp_date_start: "2026-05-08",
    cp_date_end: "2026-05-08",
    cp_time_start: "09:00",
    cp_time_end: "18:00",
    cp_destinations: 4500,
    cp_lig_min: "max",
    cp_pas: "null",
    cp_made: 1230,
    cp_answered: 870,
    cp_transfered: "null",
    cp_model: 0,
    ...overrides,
  };
}

const VELIP_NAMES = ["Pesquisa de satisfação", "Renovação de contrato", "Lembrete de pagamento"];

export function seedVelip(extra: number): JsonObject[] {
  const seeded = [
    velipCampaign({}),
    // The quirks of vendor-notes: "cp_active " "2" (contacts loading), numbers as strings,
    // the newer list fields.
    velipCampaign({
      cp_id: 987655,
      cp_name: "Reativação Maio",
      cp_ctid: 15,
      "cp_active ": "2",
      cp_date_start: "2026-05-11",
      cp_date_end: "2026-05-29",
      cp_time_start: "08:30",
      cp_time_end: "17:30",
      cp_destinations: "3",
      cp_lig_min: "30",
      cp_pas: 2,
      cp_made: "0",
      cp_answered: "0",
      cp_transfered: 0,
      cp_max_answered: "0",
      "cp_group ": "Vendas",
      cp_group_id: 3,
    }),
    velipCampaign({
      cp_id: 987653,
      cp_name: "Cobrança Abril",
      "cp_active ": "0",
      cp_date_start: "2026-04-01",
      cp_date_end: "2026-04-30",
      cp_time_start: "10:00",
      cp_time_end: "19:00",
      cp_destinations: 1200,
      cp_lig_min: 20,
      cp_pas: 1,
      cp_made: 1200,
      cp_answered: 640,
      cp_transfered: 85,
    }),
  ];
  for (let i = 1; i <= extra; i++) {
    seeded.push(
      velipCampaign({
        cp_id: 987655 + i,
        cp_name: `${pick(VELIP_NAMES, i)} ${i}`,
        "cp_active ": i % 2 === 0 ? "0" : "1",
        cp_destinations: 100 * i,
        cp_lig_min: i % 3 === 0 ? "max" : 10 + i,
        cp_made: 0,
        cp_answered: 0,
      }),
    );
  }
  return seeded;
}

// ----------------------------------------------------------------------------------------- VOXO

/** The campaign shape of the documented PATCH answer, with plausible values. */
function voxoCampaign(overrides: JsonObject): JsonObject {
  return {
    id: 123,
    tenantId: SANDBOX_VOXO_TENANT_ID,
    name: "Payment reminders",
    type: "outbound",
    dateStart: "2024-04-01",
    dateEnd: "2024-04-30",
    callerId: "5555550100",
    callDelay: 5000,
    state: "READY",
    lastrun: "2024-04-02 10:15:00",
    dialtimeout: 30,
    tech: "VOICE",
    message: "Payment reminder",
    timeStart: "09:00",
    timeEnd: "17:00",
    timezone: "America/Chicago",
    callFrequency: 30,
    callHoursStart: "09:00",
    callHoursEnd: "17:00",
    recording: "no",
    numbers: [{ number: "5555550123", description: "Account 8812", disposition: "pending" }],
    destinations: [{ typeSrc: "campaign", destType: "queue", id: 3, order: 1 }],
    enableVMDetect: 1,
    matchDestinations: [{ typeSrc: "campaign", destType: "voicemail", id: 9, order: 1 }],
    notMatchDestinations: [{ typeSrc: "campaign", destType: "queue", id: 3, order: 1 }],
    ...overrides,
  };
}

const VOXO_NAMES = ["Survey callbacks", "Event invitations", "Service follow-up"];

/** The VOXO tenant every seeded VOXO campaign belongs to (VOXO's list is per tenant). */
export const SANDBOX_VOXO_TENANT_ID = 42;

export function seedVoxo(extra: number): JsonObject[] {
  const seeded = [
    // The two campaigns of the documented legacy list example.
    voxoCampaign({
      id: 101,
      name: "Renewal reminders",
      dateStart: "2024-03-01",
      dateEnd: "2024-03-31",
      state: "PAUSED",
      lastrun: "2024-03-05 14:30:00",
      message: "Renewal reminder",
      timezone: "America/New_York",
      callFrequency: 60,
      callHoursStart: null,
      callHoursEnd: null,
      numbers: [{ number: "5555550101", description: "Example contact", disposition: "pending" }],
      destinations: [{ typeSrc: "campaign", destType: "extension", id: 7, order: 1 }],
      enableVMDetect: 0,
      matchDestinations: [],
      notMatchDestinations: [],
    }),
    voxoCampaign({
      id: 102,
      name: "Appointment confirmations",
      dateStart: null,
      dateEnd: null,
      state: "READY",
      lastrun: null,
      message: null,
      timeStart: null,
      timeEnd: null,
      timezone: "America/New_York",
      callFrequency: 10,
      callHoursStart: null,
      callHoursEnd: null,
      numbers: [],
      destinations: [],
      enableVMDetect: 0,
      matchDestinations: [],
      notMatchDestinations: [],
    }),
    // Campaign 123 of the documented PATCH answer.
    voxoCampaign({}),
  ];
  for (let i = 1; i <= extra; i++) {
    seeded.push(
      voxoCampaign({
        id: 123 + i,
        name: `${pick(VOXO_NAMES, i)} ${i}`,
        state: i % 2 === 0 ? "PAUSED" : "READY",
        lastrun: null,
        numbers: [],
      }),
    );
  }
  return seeded;
}

// --------------------------------------------------------------------------------------- Asisso

/** The campaign of the documented update answer, with plausible values. */
function asissoCampaign(overrides: JsonObject): JsonObject {
  return {
    id: 123,
    name: "Lead reactivation",
    workflow_id: 12,
    workflow_name: "Reactivation agent",
    state: "draft",
    source_type: "csv",
    source_id: "leads-2023-11.csv",
    total_rows: 1200,
    processed_rows: 0,
    failed_rows: 0,
    created_at: "2023-11-07T05:31:56Z",
    started_at: null,
    completed_at: null,
    retry_config: {
      enabled: true,
      max_retries: 2,
      retry_delay_seconds: 120,
      retry_on_busy: true,
      retry_on_no_answer: true,
      retry_on_voicemail: true,
    },
    max_concurrency: 10,
    schedule_config: {
      enabled: true,
      timezone: "UTC",
      slots: [0, 1, 2, 3, 4].map((day) => ({
        day_of_week: day,
        start_time: "09:00",
        end_time: "17:00",
      })),
    },
    circuit_breaker: {
      enabled: false,
      failure_threshold: 0.5,
      window_seconds: 120,
      min_calls_in_window: 5,
    },
    executed_count: 0,
    total_queued_count: 0,
    parent_campaign_id: null,
    redialed_campaign_id: null,
    telephony_configuration_id: 7,
    telephony_configuration_name: "Main SIP trunk",
    logs: [
      {
        ts: "2023-11-07T05:31:56Z",
        level: "info",
        event: "created",
        message: "Campaign created",
        details: {},
      },
    ],
    ...overrides,
  };
}

const ASISSO_STATES = ["draft", "running", "paused"] as const;
const ASISSO_NAMES = ["Webinar reminders", "Churn prevention", "Trial onboarding"];

export function seedAsisso(extra: number): JsonObject[] {
  const seeded = [
    asissoCampaign({}),
    asissoCampaign({
      id: 124,
      name: "Renewal reminders",
      state: "running",
      source_id: "renewals-2023-11.csv",
      total_rows: 800,
      processed_rows: 310,
      failed_rows: 4,
      started_at: "2023-11-08T09:00:00Z",
      executed_count: 306,
      total_queued_count: 490,
      max_concurrency: 20,
    }),
    asissoCampaign({
      id: 125,
      name: "Payment follow-up",
      state: "paused",
      source_id: "payments-2023-11.csv",
      total_rows: 450,
      processed_rows: 120,
      failed_rows: 1,
      started_at: "2023-11-09T13:00:00Z",
      executed_count: 119,
      total_queued_count: 330,
    }),
  ];
  for (let i = 1; i <= extra; i++) {
    const state = pick(ASISSO_STATES, i);
    seeded.push(
      asissoCampaign({
        id: 125 + i,
        name: `${pick(ASISSO_NAMES, i)} ${i}`,
        state,
        source_id: `list-${i}.csv`,
        started_at: state === "draft" ? null : "2023-11-10T09:00:00Z",
      }),
    );
  }
  return seeded;
}

// -------------------------------------------------------------------------------------- Convoso

const CONVOSO_NAMES = ["Inbound Callback", "Lead Nurture", "Win-back"];

export function seedConvoso(extra: number): JsonObject[] {
  const lastCall = (date: string) => ({ date, timezone_type: 3, timezone: "America/Denver" });
  // The documented search example, verbatim.
  const seeded: JsonObject[] = [
    { id: "111", name: "Sales Campaign", status: "Y", last_call_date: lastCall("2026-03-03") },
    { id: "222", name: "Customer Service", status: "N", last_call_date: lastCall("2026-03-02") },
    { id: "333", name: "Retention Campaign", status: "Y", last_call_date: lastCall("2026-03-03") },
  ];
  for (let i = 1; i <= extra; i++) {
    seeded.push({
      id: String(333 + i),
      name: `${pick(CONVOSO_NAMES, i)} ${i}`,
      status: i % 2 === 0 ? "N" : "Y",
      last_call_date: lastCall("2026-03-01"),
    });
  }
  return seeded;
}

// ---------------------------------------------------------------------------------------- Altur

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
