/**
 * The campaigns the VOXO simulator starts with: built from the documented response examples
 * of its spec, with the docs' placeholders replaced by plausible values of the same type, plus
 * `extra` generated campaigns whose ids follow on.
 */
import { pick } from "./seed-values.js";
import type { JsonObject } from "./spec/load-spec.js";

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
