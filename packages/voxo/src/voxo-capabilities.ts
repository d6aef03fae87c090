import type { ProviderCapabilities } from "@campaignkit/core";

const NO = (note: string) => ({ supported: false, note });

const NO_REDIAL = "VOXO documents no redial settings";

/** What the VOXO provider can do, from specs/voxo.openapi.yaml. */
export const voxoCapabilities: ProviderCapabilities = {
  operations: {
    getCampaign: {
      supported: true,
      requests: "GET /call-campaigns/{id}",
      evidence: "documented",
      note: "VOXO's legacy read (the current reference documents no read)",
    },
    listCampaigns: {
      supported: true,
      requests: "GET /call-campaigns?tenantId=",
      evidence: "documented",
      note: "legacy read of one tenant (settings.tenantId, required); a bare array without paging, so every campaign comes in one answer",
    },
    updateCampaign: {
      supported: true,
      requests: "PATCH /admin/call-campaigns/{campaignId}",
      evidence: "documented",
      note: "one request, with absolute values; its answer is the updated campaign",
    },
    pauseCampaign: {
      supported: true,
      requests: "PATCH /admin/call-campaigns/{campaignId} {state: PAUSED}",
      evidence: "documented",
      note: "sets an absolute state, so pausing a paused campaign asks for no change (VOXO does not document that answer)",
    },
    resumeCampaign: {
      supported: true,
      requests: "PATCH /admin/call-campaigns/{campaignId} {state: READY}",
      evidence: "documented",
      note: "sets an absolute state, so resuming a running campaign asks for no change (VOXO does not document that answer)",
    },
  },
  patch: {
    name: { supported: true, wire: "name", minLength: 3, evidence: "documented" },
    status: {
      supported: true,
      wire: "state (active → READY, paused → PAUSED)",
      evidence: "documented",
    },
    "schedule.timezone": { supported: true, wire: "timezone", evidence: "documented" },
    "schedule.startDate": { supported: true, wire: "dateStart", evidence: "documented" },
    "schedule.endDate": { supported: true, wire: "dateEnd", evidence: "documented" },
    "schedule.callingHours": {
      supported: true,
      wire: "callHoursStart, callHoursEnd (HH:MM)",
      evidence: "documented",
      note: "one window for every day; timeStart/timeEnd are not used, since VOXO does not document how they relate to the calling hours",
      callingHours: { daily: true, weekly: "same-every-day" },
    },
    "pacing.callsPerMinute": NO(
      'VOXO documents callFrequency only as "call frequency in seconds (minimum 10)", not as a call rate; mapping it would be a guess',
    ),
    "pacing.maxConcurrentCalls": NO("VOXO documents no concurrency setting"),
    "pacing.maxConcurrentTransfers": NO("VOXO documents no transfer limit"),
    "redial.maxRetries": NO(NO_REDIAL),
    "redial.delaySeconds": NO(NO_REDIAL),
    "redial.onBusy": NO(NO_REDIAL),
    "redial.onNoAnswer": NO(NO_REDIAL),
    "redial.onVoicemail": NO(NO_REDIAL),
  },
};
