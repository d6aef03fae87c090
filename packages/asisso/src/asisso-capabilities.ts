import type { ProviderCapabilities } from "@campaignkit/core";

const NO = (note: string) => ({ supported: false, note });

const SCHEDULE_TOGETHER =
  "schedule_config is one object and Asisso does not document whether a partial one keeps the rest, so timezone and callingHours are sent together";
const RETRY_ENABLED =
  "any redial field also sends retry_config.enabled: false when maxRetries is 0, true otherwise";

/** What the Asisso provider can do, from specs/asisso.openapi.yaml. */
export const asissoCapabilities: ProviderCapabilities = {
  operations: {
    getCampaign: {
      supported: true,
      requests: "GET /campaign/{campaign_id}",
      evidence: "inferred",
    },
    listCampaigns: {
      supported: true,
      requests: "GET /campaign/",
      evidence: "inferred",
      note: "Asisso documents no paging: every campaign of the one answer is yielded",
    },
    updateCampaign: {
      supported: true,
      requests:
        "PATCH /campaign/{campaign_id}, POST /campaign/{campaign_id}/pause|resume|start (after a read), GET /campaign/{campaign_id}",
      evidence: "documented",
      note: "the PATCH is documented (draft or paused campaigns only); status changes and the read-back use inferred endpoints",
    },
    pauseCampaign: {
      supported: true,
      requests: "POST /campaign/{campaign_id}/pause",
      evidence: "inferred",
      note: "Asisso does not document whether pausing a paused campaign succeeds: its answer is decoded as it comes",
    },
    resumeCampaign: {
      supported: true,
      requests: "GET /campaign/{campaign_id}, then POST /campaign/{campaign_id}/start|resume",
      evidence: "inferred",
      note: "read first: start from created, resume from paused, nothing while syncing or running (Asisso documents no refusal for the wrong state)",
    },
  },
  patch: {
    name: { supported: true, wire: "name", minLength: 1, maxLength: 255, evidence: "documented" },
    status: {
      supported: true,
      wire: "POST /campaign/{campaign_id}/pause | resume",
      evidence: "inferred",
      note: "Asisso updates only draft or paused campaigns: paused pauses before the PATCH, active resumes after it",
    },
    "schedule.timezone": {
      supported: true,
      wire: "schedule_config.timezone",
      evidence: "inferred",
      note: SCHEDULE_TOGETHER,
      requires: ["schedule.callingHours"],
    },
    "schedule.startDate": NO("Asisso documents no campaign start date (schedule_config is weekly)"),
    "schedule.endDate": NO("Asisso documents no campaign end date (schedule_config is weekly)"),
    "schedule.callingHours": {
      supported: true,
      wire: "schedule_config {enabled: true, slots[{day_of_week (0 = Monday), start_time, end_time}]}",
      evidence: "inferred",
      note: `${SCHEDULE_TOGETHER}; day_of_week 0 = Monday, HH:MM and at most 50 slots are inferred`,
      callingHours: { daily: true, weekly: "any", maxRanges: 50 },
      requires: ["schedule.timezone"],
    },
    "pacing.callsPerMinute": NO(
      "Asisso documents no call rate (max_concurrency caps simultaneous calls)",
    ),
    "pacing.maxConcurrentCalls": {
      supported: true,
      wire: "max_concurrency",
      min: 1,
      max: 100,
      evidence: "documented",
    },
    "pacing.maxConcurrentTransfers": NO("Asisso documents no transfer limit"),
    "redial.maxRetries": {
      supported: true,
      wire: "retry_config.max_retries (+ retry_config.enabled)",
      min: 0,
      max: 10,
      evidence: "inferred",
      note: RETRY_ENABLED,
    },
    "redial.delaySeconds": {
      supported: true,
      wire: "retry_config.retry_delay_seconds",
      min: 30,
      max: 3600,
      evidence: "inferred",
      note: RETRY_ENABLED,
    },
    "redial.onBusy": {
      supported: true,
      wire: "retry_config.retry_on_busy",
      evidence: "documented",
      note: RETRY_ENABLED,
    },
    "redial.onNoAnswer": {
      supported: true,
      wire: "retry_config.retry_on_no_answer",
      evidence: "documented",
      note: RETRY_ENABLED,
    },
    "redial.onVoicemail": {
      supported: true,
      wire: "retry_config.retry_on_voicemail",
      evidence: "documented",
      note: RETRY_ENABLED,
    },
  },
};
