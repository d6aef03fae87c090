/**
 * The campaigns the Asisso simulator starts with: built from the documented response examples
 * of its spec, with the docs' placeholders replaced by plausible values of the same type, plus
 * `extra` generated campaigns whose ids follow on.
 */
import { pick } from "./seed-values.js";
import type { JsonObject } from "./spec/load-spec.js";

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
