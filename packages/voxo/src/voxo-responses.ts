import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse } from "@campaignkit/core/internal";
import { mapVoxoCampaign, type VoxoCampaignWire } from "./map-voxo-campaign.js";
import { decodeVoxoError } from "./voxo-errors.js";

const VENDOR = "voxo";

/** One campaign object: it must at least carry a numeric `id`, or it cannot be addressed. */
function campaignFrom(operationId: string, wire: unknown, what: string): Campaign {
  const campaign = expectObject(VENDOR, operationId, wire, what);
  if (typeof campaign.id !== "number") {
    throw invalidResponse(VENDOR, operationId, `${what}.id is not a number`);
  }
  return checkedCampaign(VENDOR, operationId, mapVoxoCampaign(campaign as VoxoCampaignWire));
}

/** The campaign of a get or an update answer: the body is the campaign itself. */
export function campaignFromBody(operationId: string, body: unknown): Campaign {
  return campaignFrom(operationId, body, "body");
}

/** The campaigns of the legacy list: a bare JSON array, with no paging envelope. */
export function campaignsFromList(body: unknown): Campaign[] {
  if (!Array.isArray(body)) {
    throw invalidResponse(VENDOR, "listCallCampaigns", "body is not an array");
  }
  return body.map(campaignFromListItem);
}

/** One element of the legacy list. */
export function campaignFromListItem(wire: unknown): Campaign {
  return campaignFrom("listCallCampaigns", wire, "campaign");
}

/** How VOXO's answers read, per operation of specs/voxo.openapi.yaml. */
export const voxoResponses: VendorResponses = {
  campaignsFrom: {
    getCallCampaign: (body) => [campaignFromBody("getCallCampaign", body)],
    listCallCampaigns: campaignsFromList,
    updateCallCampaign: (body) => [campaignFromBody("updateCallCampaign", body)],
  },
  decodeError: decodeVoxoError,
};
