import type { ProviderCapabilities } from "@campaignkit/core";

const NO = (note: string) => ({ supported: false, note });

/** What the Altur provider can do, from specs/altur.openapi.yaml. */
export const alturCapabilities: ProviderCapabilities = {
  operations: {
    getCampaign: { supported: true, requests: "GET /campaigns/{id}", evidence: "documented" },
    listCampaigns: {
      supported: true,
      requests: "GET /campaigns",
      evidence: "documented",
      note: "first page only: Altur does not document the cursor parameter; more pages fail with UNSUPPORTED",
    },
    updateCampaign: {
      supported: true,
      requests:
        "PATCH /campaigns/{id}, POST /campaigns/{id}/pause|resume (activate from pending/ready)",
      evidence: "documented",
    },
    pauseCampaign: {
      supported: true,
      requests: "POST /campaigns/{id}/pause",
      evidence: "documented",
      note: "a no-op when already inactive",
    },
    resumeCampaign: {
      supported: true,
      requests:
        "POST /campaigns/{id}/resume, then activate when Altur answers that it is pending or ready",
      evidence: "documented",
      note: "resume from inactive; activate from pending or ready (Altur's 409 names the status); nothing in cooldown or active; a finished campaign is CONFLICT",
    },
  },
  patch: {
    name: { supported: true, wire: "name", maxLength: 255, evidence: "documented" },
    status: {
      supported: true,
      wire: "POST /campaigns/{id}/pause | resume",
      evidence: "documented",
    },
    "schedule.timezone": { supported: true, wire: "timezone", evidence: "documented" },
    "schedule.startDate": NO(
      "Altur has no campaign start date (cycles.schedule_start_date is for cycles)",
    ),
    "schedule.endDate": NO(
      "Altur has no campaign end date (cycles.schedule_end_date is for cycles)",
    ),
    "schedule.callingHours": {
      supported: true,
      wire: "scheduling.<mon…sun> {startTime, stopTime, active}",
      evidence: "inferred",
      note: "Altur does not document the startTime/stopTime format; campaignkit sends HH:MM",
      callingHours: { daily: true, weekly: "one-range-per-day" },
    },
    "pacing.callsPerMinute": NO("Altur documents no call rate (message_limit is a total cap)"),
    "pacing.maxConcurrentCalls": NO("Altur documents no concurrency setting"),
    "pacing.maxConcurrentTransfers": NO("Altur documents no transfer limit"),
    "redial.maxRetries": {
      supported: true,
      wire: "retries",
      min: 0,
      max: 5,
      evidence: "documented",
    },
    "redial.delaySeconds": NO("Altur documents no delay between retries"),
    "redial.onBusy": NO("Altur does not document which outcomes are retried"),
    "redial.onNoAnswer": NO("Altur does not document which outcomes are retried"),
    "redial.onVoicemail": NO("Altur does not document which outcomes are retried"),
  },
};
