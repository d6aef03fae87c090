import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse } from "@campaignkit/core/internal";
import { decodeAsissoError } from "./asisso-errors.js";
import type { components } from "./generated/asisso-api.js";
import { mapAsissoCampaign } from "./map-asisso-campaign.js";

type AsissoCampaign = components["schemas"]["Campaign"];
const VENDOR = "asisso";

/** The campaign of a get or update answer: the campaign object itself, no envelope. */
export function campaignFromBody(operationId: string, body: unknown): Campaign {
  const campaign = expectObject(VENDOR, operationId, body) as AsissoCampaign;
  return checkedCampaign(VENDOR, operationId, mapAsissoCampaign(campaign));
}

/** The campaigns of the (inferred) `{"campaigns":[…]}` list answer. */
export function campaignsFromList(body: unknown): Campaign[] {
  const list = expectObject(VENDOR, "listCampaigns", body);
  if (!Array.isArray(list.campaigns)) {
    throw invalidResponse(VENDOR, "listCampaigns", "campaigns is not an array");
  }
  return list.campaigns.map(campaignFromListItem);
}

/** One element of the list answer's `campaigns`. */
export function campaignFromListItem(wire: unknown): Campaign {
  const campaign = expectObject(VENDOR, "listCampaigns", wire, "campaign") as AsissoCampaign;
  return checkedCampaign(VENDOR, "listCampaigns", mapAsissoCampaign(campaign));
}

/** How Asisso's answers read, per operation of specs/asisso.openapi.yaml. */
export const asissoResponses: VendorResponses = {
  campaignsFrom: {
    listCampaigns: campaignsFromList,
    getCampaign: (body) => [campaignFromBody("getCampaign", body)],
    updateCampaign: (body) => [campaignFromBody("updateCampaign", body)],
    // The success body of start, pause and resume is documented nowhere.
    startCampaign: null,
    pauseCampaign: null,
    resumeCampaign: null,
  },
  decodeError: decodeAsissoError,
};
