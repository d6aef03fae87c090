import type { CampaignkitErrorCode } from "@campaignkit/core";

/**
 * The campaignkit code every documented error example must map to, by
 * `vendor/operationId/example`. An error example missing here, or an entry with no example,
 * fails the conformance suite: the mapping is reviewed here, in one table.
 */
export const EXPECTED_ERROR_CODES: Record<string, CampaignkitErrorCode> = {
  "altur/updateCampaign/immutableFieldCyclesEnabled": "IMMUTABLE_FIELD",
  "altur/updateCampaign/cyclesNotEnabled": "CONFLICT",
  "altur/updateCampaign/scheduledModeOnly": "CONFLICT",
  "altur/updateCampaign/campaignFinished": "CONFLICT",
  "altur/runCampaignAction/unknownAction": "VALIDATION",
  "altur/runCampaignAction/billingLimitReached": "QUOTA",
  "altur/runCampaignAction/billingLimitReachedOnResume": "QUOTA",
  "altur/runCampaignAction/invalidStatusTransition": "CONFLICT",

  "asisso/listCampaigns/unauthorized": "AUTH",
  "asisso/listCampaigns/forbidden": "AUTH",
  "asisso/getCampaign/unauthorized": "AUTH",
  "asisso/getCampaign/forbidden": "AUTH",
  "asisso/updateCampaign/unauthorized": "AUTH",
  "asisso/updateCampaign/forbidden": "AUTH",
  "asisso/updateCampaign/validationError": "VALIDATION",
  "asisso/startCampaign/unauthorized": "AUTH",
  "asisso/startCampaign/quotaExceeded": "QUOTA",
  "asisso/startCampaign/forbidden": "AUTH",
  "asisso/pauseCampaign/unauthorized": "AUTH",
  "asisso/pauseCampaign/forbidden": "AUTH",
  "asisso/resumeCampaign/unauthorized": "AUTH",
  "asisso/resumeCampaign/quotaExceeded": "QUOTA",
  "asisso/resumeCampaign/forbidden": "AUTH",

  "convoso/searchCampaigns/invalidCampaignId6026": "NOT_FOUND",
  "convoso/searchCampaigns/invalidAuthToken": "AUTH",
  "convoso/searchCampaigns/insufficientPermissions": "AUTH",
  "convoso/setCampaignStatus/invalidCampaignId6026": "NOT_FOUND",
  "convoso/setCampaignStatus/invalidStatusValue6080": "VALIDATION",
  "convoso/setCampaignStatus/campaignNotFound": "NOT_FOUND",
  "convoso/setCampaignStatus/invalidStatusValue": "VALIDATION",
  "convoso/setCampaignStatus/invalidAuthToken": "AUTH",
  "convoso/setCampaignStatus/insufficientPermissions": "AUTH",

  "velip/changeCampaign/noCpId": "VALIDATION",
  "velip/changeCampaign/noMutableFields": "VALIDATION",
  "velip/changeCampaign/cpIdNotValid": "NOT_FOUND",
  "velip/changeCampaign/authLocked": "AUTH",
  "velip/changeCampaign/ipBanned": "AUTH",
  "velip/getCampaignsList/internalError": "VENDOR",
  "velip/getCampaignsList/authLocked": "AUTH",
  "velip/getCampaignsList/ipBanned": "AUTH",
};
