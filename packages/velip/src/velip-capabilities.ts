import type { ProviderCapabilities } from "@campaignkit/core";

const NO = (note: string) => ({ supported: false, note });

/** What the Velip provider can do, from specs/velip.openapi.yaml. */
export const velipCapabilities: ProviderCapabilities = {
  operations: {
    getCampaign: {
      supported: true,
      requests: "POST /GetCampaignsList.php {cp_id}",
      evidence: "documented",
      note: "Velip has no get-one endpoint: the list filtered by cp_id; no campaign in the answer is NOT_FOUND",
    },
    listCampaigns: {
      supported: true,
      requests: "POST /GetCampaignsList.php {maxreg: 500}",
      evidence: "documented",
      note: "one request of up to 500 rows: Velip documents no paging beyond maxreg; a full 500 fails with UNSUPPORTED after them",
    },
    updateCampaign: {
      supported: true,
      requests:
        "POST /ChangeCampaign.php (then POST /GetCampaignsList.php {cp_id} when the answer holds no campaign)",
      evidence: "documented",
      note: "one atomic request; code 230 (nothing to change) is success",
    },
    pauseCampaign: {
      supported: true,
      requests: "POST /ChangeCampaign.php {active: 0}",
      evidence: "documented",
      note: "code 230 (already paused) is success",
    },
    resumeCampaign: {
      supported: true,
      requests: "POST /ChangeCampaign.php {active: 1}",
      evidence: "documented",
      note: "code 230 (already active) is success",
    },
  },
  patch: {
    name: {
      supported: true,
      wire: "name",
      maxLength: 50,
      evidence: "inferred",
      note: "the 50-character limit is from Velip's MCP tool docs, not its REST docs",
    },
    status: { supported: true, wire: "active (1 | 0)", evidence: "documented" },
    "schedule.timezone": NO("Velip documents no campaign time zone"),
    "schedule.startDate": { supported: true, wire: "date_start", evidence: "documented" },
    "schedule.endDate": { supported: true, wire: "date_end", evidence: "documented" },
    "schedule.callingHours": {
      supported: true,
      wire: "time_start, time_end (HH:MM:SS)",
      evidence: "documented",
      note: "one daily window, sent as HH:MM:00; a weekly schedule only when every day has the same single window",
      callingHours: { daily: true, weekly: "same-every-day" },
    },
    "pacing.callsPerMinute": {
      supported: true,
      wire: "lig_min",
      min: 1,
      allowsMax: true,
      evidence: "documented",
      note: 'sent as a string of digits or "max"',
    },
    "pacing.maxConcurrentCalls": NO(
      "Velip documents no concurrent-call limit (pas limits transfers)",
    ),
    "pacing.maxConcurrentTransfers": {
      supported: true,
      wire: "pas",
      min: 1,
      evidence: "documented",
    },
    "redial.maxRetries": NO("Velip documents no redial settings"),
    "redial.delaySeconds": NO("Velip documents no redial settings"),
    "redial.onBusy": NO("Velip documents no redial settings"),
    "redial.onNoAnswer": NO("Velip documents no redial settings"),
    "redial.onVoicemail": NO("Velip documents no redial settings"),
  },
};
