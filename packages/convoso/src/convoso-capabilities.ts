import type { ProviderCapabilities } from "@campaignkit/core";

/** Why every patch field but `status` is refused (specs/convoso.openapi.yaml, `info.description`). */
const NO_ENDPOINT = "Convoso documents no endpoint to rename/schedule/pace/redial a campaign";
const NO = (note = NO_ENDPOINT) => ({ supported: false, note });

/** What the Convoso provider can do, from specs/convoso.openapi.yaml. */
export const convosoCapabilities: ProviderCapabilities = {
  operations: {
    getCampaign: {
      supported: true,
      requests: "POST /campaigns/search",
      evidence: "documented",
      note: "Convoso has no get-one endpoint: the campaign is picked from the full list; absent is NOT_FOUND",
    },
    listCampaigns: {
      supported: true,
      requests: "POST /campaigns/search",
      evidence: "documented",
      note: "one request: Convoso returns every campaign, active and inactive; no paging is documented",
    },
    updateCampaign: {
      supported: true,
      requests: "POST /campaigns/status, then POST /campaigns/search (read back)",
      evidence: "documented",
      note: "status only",
    },
    pauseCampaign: {
      supported: true,
      requests: "POST /campaigns/status (status=false)",
      evidence: "documented",
      note: "sets an absolute value, so pausing an inactive campaign succeeds (inferred: Convoso documents no error for it)",
    },
    resumeCampaign: {
      supported: true,
      requests: "POST /campaigns/status (status=true)",
      evidence: "documented",
      note: "sets an absolute value, so resuming an active campaign succeeds (inferred: Convoso documents no error for it)",
    },
  },
  patch: {
    name: NO(),
    status: {
      supported: true,
      wire: "POST /campaigns/status status=true|false (read back as Y|N)",
      evidence: "documented",
    },
    "schedule.timezone": NO(),
    "schedule.startDate": NO(),
    "schedule.endDate": NO(),
    "schedule.callingHours": NO(),
    "pacing.callsPerMinute": NO(),
    "pacing.maxConcurrentCalls": NO(),
    "pacing.maxConcurrentTransfers": NO(),
    "redial.maxRetries": NO(),
    "redial.delaySeconds": NO(),
    "redial.onBusy": NO(),
    "redial.onNoAnswer": NO(),
    "redial.onVoicemail": NO(),
  },
};
