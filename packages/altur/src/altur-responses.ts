import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse } from "@campaignkit/core/internal";
import { decodeAlturError } from "./altur-errors.js";
import type { components } from "./generated/altur-api.js";
import { mapAlturCampaign } from "./map-altur-campaign.js";

type AlturCampaign = components["schemas"]["Campaign"];
type AlturListItem = components["schemas"]["CampaignListItem"];
const VENDOR = "altur";

/** The campaign of a `{success, campaign}` answer (get, update and the lifecycle actions). */
export function campaignFromEnvelope(operationId: string, body: unknown): Campaign {
  const envelope = expectObject(VENDOR, operationId, body);
  const campaign = expectObject(
    VENDOR,
    operationId,
    envelope.campaign,
    "campaign",
  ) as AlturCampaign;
  return checkedCampaign(VENDOR, operationId, mapAlturCampaign(campaign));
}

/** The campaigns of one list page. */
export function campaignsFromList(body: unknown): Campaign[] {
  const page = expectObject(VENDOR, "listCampaigns", body);
  if (!Array.isArray(page.campaigns)) {
    throw invalidResponse(VENDOR, "listCampaigns", "campaigns is not an array");
  }
  return page.campaigns.map(campaignFromListItem);
}

/** One element of a list page's `campaigns`. */
export function campaignFromListItem(wire: unknown): Campaign {
  const campaign = expectObject(VENDOR, "listCampaigns", wire, "campaign") as AlturListItem;
  return checkedCampaign(VENDOR, "listCampaigns", mapAlturCampaign(campaign));
}

/** Whether the list answer says more pages exist (`has_next`, or `has_more` on the Spanish page). */
export function alturHasNextPage(body: unknown): boolean {
  const page = expectObject(VENDOR, "listCampaigns", body);
  const pagination = (page.pagination ?? {}) as Record<string, unknown>;
  return pagination.has_next === true || pagination.has_more === true;
}

/** How Altur's answers read, per operation of specs/altur.openapi.yaml. */
export const alturResponses: VendorResponses = {
  campaignsFrom: {
    getCampaign: (body) => [campaignFromEnvelope("getCampaign", body)],
    updateCampaign: (body) => [campaignFromEnvelope("updateCampaign", body)],
    listCampaigns: campaignsFromList,
    // The lifecycle actions answer `{success, campaign}` (vendor-notes, update of 2026-12-01).
    runCampaignAction: (body) => [campaignFromEnvelope("runCampaignAction", body)],
  },
  decodeError: decodeAlturError,
};
