import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse } from "@campaignkit/core/internal";
import type { components } from "./generated/velip-api.js";
import { mapVelipCampaign } from "./map-velip-campaign.js";
import { decodeVelipError, isVelipNoChange } from "./velip-errors.js";

type VelipCampaign = components["schemas"]["Campaign"];
const VENDOR = "velip";

/** The `maxreg` the provider lists with: Velip's documented default, and no cursor beyond it. */
export const VELIP_MAX_REG = 500;

/**
 * The campaigns of a `{return, campaigns}` answer (GetCampaignsList and ChangeCampaign share
 * it). An answer without `campaigns` holds none (ChangeCampaign's 230, an empty list).
 */
export function campaignsFromAnswer(operationId: string, body: unknown): Campaign[] {
  const answer = expectObject(VENDOR, operationId, body);
  expectObject(VENDOR, operationId, answer.return, "return");
  if (answer.campaigns === undefined) return [];
  if (!Array.isArray(answer.campaigns)) {
    throw invalidResponse(VENDOR, operationId, "campaigns is not an array");
  }
  return answer.campaigns.map((wire) => campaignFromElement(operationId, wire));
}

/** One element of an answer's `campaigns`. */
export function campaignFromElement(operationId: string, wire: unknown): Campaign {
  const campaign = expectObject(VENDOR, operationId, wire, "campaign") as VelipCampaign;
  return checkedCampaign(VENDOR, operationId, mapVelipCampaign(campaign));
}

/**
 * Whether a GetCampaignsList answer of `listed` rows may have left campaigns out: it holds
 * `maxreg` rows, and Velip documents no way to ask for the rows after them.
 */
export function velipListMayBeTruncated(listed: number, maxreg = VELIP_MAX_REG): boolean {
  return listed >= maxreg;
}

/** How Velip's answers read, per operation of specs/velip.openapi.yaml. */
export const velipResponses: VendorResponses = {
  campaignsFrom: {
    changeCampaign: (body) => campaignsFromAnswer("changeCampaign", body),
    getCampaignsList: (body) => campaignsFromAnswer("getCampaignsList", body),
  },
  decodeError: decodeVelipError,
  // ChangeCampaign's 230 "Parameters without change": the campaign already had these values.
  isNoChange: (operationId, _httpStatus, body) => isVelipNoChange(operationId, body),
};
