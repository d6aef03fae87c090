import { type CallingHours, CampaignkitError, CampaignSchema } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { toAsissoUpdateBody } from "./convert-to-asisso-steps.js";
import type { components } from "./generated/asisso-api.js";
import { mapAsissoCampaign } from "./map-asisso-campaign.js";

type AsissoCampaign = components["schemas"]["Campaign"];

/** The response body documented on Asisso's update page, verbatim (seed 002). */
const DOCUMENTED = {
  id: 123,
  name: "<string>",
  workflow_id: 123,
  workflow_name: "<string>",
  state: "<string>",
  source_type: "<string>",
  source_id: "<string>",
  total_rows: 123,
  processed_rows: 123,
  failed_rows: 123,
  created_at: "2023-11-07T05:31:56Z",
  started_at: "2023-11-07T05:31:56Z",
  completed_at: "2023-11-07T05:31:56Z",
  retry_config: {
    enabled: true,
    max_retries: 123,
    retry_delay_seconds: 123,
    retry_on_busy: true,
    retry_on_no_answer: true,
    retry_on_voicemail: true,
  },
  max_concurrency: 123,
  schedule_config: {
    enabled: true,
    timezone: "<string>",
    slots: [{ day_of_week: 123, start_time: "<string>", end_time: "<string>" }],
  },
  circuit_breaker: {
    enabled: false,
    failure_threshold: 0.5,
    window_seconds: 120,
    min_calls_in_window: 5,
  },
  executed_count: 0,
  total_queued_count: 0,
  parent_campaign_id: 123,
  redialed_campaign_id: 123,
  telephony_configuration_id: 123,
  telephony_configuration_name: "<string>",
  logs: [
    { ts: "<string>", level: "<string>", event: "<string>", message: "<string>", details: {} },
  ],
};

/** A campaign with only what a test sets; the rest of Asisso's required fields are absent. */
const wire = (fields: Record<string, unknown>) =>
  ({ id: 42, ...fields }) as unknown as AsissoCampaign;
const slot = (day_of_week: number, start_time: string, end_time: string) => ({
  day_of_week,
  start_time,
  end_time,
});

describe("mapAsissoCampaign", () => {
  it("maps the documented body, leaving its placeholders to raw", () => {
    const campaign = mapAsissoCampaign(DOCUMENTED);
    expect(campaign).toEqual({
      vendor: "asisso",
      id: "123",
      name: "<string>",
      status: "unknown",
      pacing: { maxConcurrentCalls: 123 },
      redial: {
        maxRetries: 123,
        delaySeconds: 123,
        onBusy: true,
        onNoAnswer: true,
        onVoicemail: true,
      },
      stats: { contacts: 123, contactsProcessed: 123, contactsFailed: 123, callsMade: 0 },
      raw: DOCUMENTED,
    });
    expect(campaign.raw).toBe(DOCUMENTED);
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("maps a running campaign with a weekly schedule, day_of_week 0 being Monday", () => {
    const body = wire({
      name: "Renewals",
      state: "running",
      max_concurrency: 20,
      schedule_config: {
        enabled: true,
        timezone: "Europe/Lisbon",
        slots: [
          slot(0, "09:00", "12:00"),
          slot(0, "14:00", "18:00"),
          slot(4, "09:00", "13:00"),
          slot(6, "10:00", "11:00"),
        ],
      },
    });
    const campaign = mapAsissoCampaign(body);
    expect(campaign).toMatchObject({
      id: "42",
      name: "Renewals",
      status: "active",
      pacing: { maxConcurrentCalls: 20 },
      schedule: {
        timezone: "Europe/Lisbon",
        callingHours: {
          weekly: {
            mon: [
              { start: "09:00", end: "12:00" },
              { start: "14:00", end: "18:00" },
            ],
            fri: [{ start: "09:00", end: "13:00" }],
            sun: [{ start: "10:00", end: "11:00" }],
          },
        },
      },
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("reads the same window on all seven days as daily, and accepts HH:MM:SS", () => {
    const slots = [0, 1, 2, 3, 4, 5, 6].map((day) => slot(day, "09:00:00", "17:30:00"));
    expect(mapAsissoCampaign(wire({ schedule_config: { slots } })).schedule).toEqual({
      callingHours: { daily: { start: "09:00", end: "17:30" } },
    });
  });

  it.each([
    ["draft", "draft"],
    ["created", "draft"],
    ["syncing", "active"],
    ["running", "active"],
    ["paused", "paused"],
    ["completed", "finished"],
    ["failed", "failed"],
    ["archived", "unknown"],
    ["toString", "unknown"],
  ] as const)("maps state %s to %s", (state, expected) => {
    expect(mapAsissoCampaign(wire({ state })).status).toBe(expected);
  });

  it("leaves out unreadable slots, a non-IANA zone and a disabled schedule", () => {
    const schedule_config = {
      timezone: "+01:00",
      slots: [
        slot(7, "09:00", "10:00"),
        slot(-1, "09:00", "10:00"),
        slot(1, "9am", "10:00"),
        slot(2, "18:00", "09:00"),
        null,
        slot(3, "09:00", "10:00"),
      ],
    };
    expect(mapAsissoCampaign(wire({ schedule_config })).schedule).toEqual({
      callingHours: { weekly: { thu: [{ start: "09:00", end: "10:00" }] } },
    });
    const disabled = { enabled: false, timezone: "UTC", slots: [slot(0, "09:00", "10:00")] };
    expect(mapAsissoCampaign(wire({ schedule_config: disabled })).schedule).toBeUndefined();
  });

  it("leaves out null values and values out of range, keeping them in raw", () => {
    const body = wire({
      name: null,
      state: null,
      max_concurrency: 0,
      total_rows: null,
      processed_rows: 1.5,
      failed_rows: -1,
      retry_config: {
        enabled: true,
        max_retries: null,
        retry_delay_seconds: 1.5,
        retry_on_busy: null,
        retry_on_no_answer: false,
      },
    });
    const campaign = mapAsissoCampaign(body);
    expect(campaign).toEqual({
      vendor: "asisso",
      id: "42",
      status: "unknown",
      redial: { onNoAnswer: false },
      raw: body,
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it.each([
    [{ name: 42 }, "name"],
    [{ state: 1 }, "state"],
    [{ processed_rows: "12" }, "processed_rows"],
    [{ retry_config: { max_retries: "null" } }, "max_retries"],
    [{ retry_config: { retry_on_busy: "true" } }, "retry_on_busy"],
    [{ schedule_config: { slots: [{ day_of_week: "1" }] } }, "day_of_week"],
  ])("refuses %j, a field of the wrong type, with INVALID_RESPONSE naming %s", (fields, field) => {
    const attempt = () => mapAsissoCampaign(wire(fields as never));
    expect(attempt).toThrow(CampaignkitError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: "INVALID_RESPONSE", details: { wireField: field } });
    }
  });

  it("gives no id for a body without one, so the schema check refuses it", () => {
    const campaign = mapAsissoCampaign({ name: "x" } as unknown as AsissoCampaign);
    expect(campaign.id).toBe("");
    expect(CampaignSchema.safeParse(campaign).success).toBe(false);
  });
});

describe("toAsissoUpdateBody", () => {
  it("maps name, concurrency, schedule and redial to their wire fields", () => {
    expect(
      toAsissoUpdateBody({
        name: "Wave 2",
        pacing: { maxConcurrentCalls: 20 },
        schedule: {
          timezone: "America/New_York",
          callingHours: {
            weekly: {
              mon: [{ start: "09:00", end: "12:00" }],
              sun: [{ start: "10:00", end: "11:00" }],
            },
          },
        },
        redial: {
          maxRetries: 3,
          delaySeconds: 300,
          onBusy: true,
          onNoAnswer: false,
          onVoicemail: true,
        },
      }),
    ).toEqual({
      name: "Wave 2",
      max_concurrency: 20,
      schedule_config: {
        enabled: true,
        timezone: "America/New_York",
        slots: [
          { day_of_week: 0, start_time: "09:00", end_time: "12:00" },
          { day_of_week: 6, start_time: "10:00", end_time: "11:00" },
        ],
      },
      retry_config: {
        enabled: true,
        max_retries: 3,
        retry_delay_seconds: 300,
        retry_on_busy: true,
        retry_on_no_answer: false,
        retry_on_voicemail: true,
      },
    });
  });

  it("expands a daily window to seven slots, Monday (0) to Sunday (6)", () => {
    const body = toAsissoUpdateBody({
      schedule: { timezone: "UTC", callingHours: { daily: { start: "08:00", end: "20:00" } } },
    });
    expect(body.schedule_config?.slots).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((day_of_week) => ({
        day_of_week,
        start_time: "08:00",
        end_time: "20:00",
      })),
    );
  });

  it.each([
    [{ maxRetries: 0 }, { enabled: false, max_retries: 0 }],
    [{ maxRetries: 2 }, { enabled: true, max_retries: 2 }],
    [{ onBusy: false }, { enabled: true, retry_on_busy: false }],
    [{ delaySeconds: 60 }, { enabled: true, retry_delay_seconds: 60 }],
  ])("sends redial %j as retry_config %j", (redial, retry_config) => {
    expect(toAsissoUpdateBody({ redial })).toEqual({ retry_config });
  });

  it("sends nothing for a patch that only changes status", () => {
    expect(toAsissoUpdateBody({ status: "paused" })).toEqual({});
  });
});

describe("toAsissoUpdateBody and mapAsissoCampaign round-trip", () => {
  it.each<[string, CallingHours]>([
    ["daily", { daily: { start: "09:00", end: "17:00" } }],
    [
      "weekly",
      {
        weekly: {
          tue: [
            { start: "08:00", end: "10:00" },
            { start: "15:00", end: "19:30" },
          ],
          sat: [{ start: "10:00", end: "14:00" }],
        },
      },
    ],
  ])("writes a %s schedule that reads back the same", (_, callingHours) => {
    const patch = {
      name: "Round trip",
      schedule: { timezone: "Europe/Lisbon", callingHours },
      pacing: { maxConcurrentCalls: 100 },
      redial: {
        maxRetries: 10,
        delaySeconds: 3600,
        onBusy: true,
        onNoAnswer: true,
        onVoicemail: false,
      },
    };
    const body = toAsissoUpdateBody(patch);
    const campaign = mapAsissoCampaign(wire({ ...body, state: "paused" }));
    expect(campaign).toMatchObject({ ...patch, status: "paused" });
  });
});

describe("mapAsissoCampaign statusReason", () => {
  const tripped = {
    ts: "2026-12-02T12:00:00Z",
    level: "warning",
    event: "circuit_breaker_tripped",
    message: "failure rate 0.6",
  };
  it("gives the circuit breaker as the reason of a campaign Asisso paused itself", () => {
    const campaign = mapAsissoCampaign(
      wire({ state: "paused", logs: [{ event: "created" }, tripped] }),
    );
    expect(campaign.statusReason).toEqual({
      code: "circuit_breaker_tripped",
      message: "failure rate 0.6",
      at: "2026-12-02T12:00:00Z",
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });
  it.each([
    ["running again", { state: "running", logs: [tripped] }],
    ["paused after a later log entry", { state: "paused", logs: [tripped, { event: "resumed" }] }],
    ["paused with no logs", { state: "paused" }],
  ])("gives no reason when %s", (_, fields) => {
    expect(mapAsissoCampaign(wire(fields)).statusReason).toBeUndefined();
  });
});
