import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse, wireId } from "@campaignkit/core/internal";
import { decodeConvosoError } from "./convoso-errors.js";
import type { components } from "./generated/convoso-api.js";
import { mapConvosoCampaign } from "./map-convoso-campaign.js";

type ConvosoCampaign = components["schemas"]["Campaign"];
const VENDOR = "convoso";

/**
 * The campaigns of a `/campaigns/search` answer. Its envelope varies (`{data}`,
 * `{success, data}`, `{success, code, data}`), so only `data` is read; without a `data` array
 * the answer is INVALID_RESPONSE.
 */
export function campaignsFromSearch(body: unknown): Campaign[] {
  return searchData(body).map(campaignFromSearchItem);
}

/**
 * The one campaign with `id` of a search answer, or undefined. Only that one is mapped and
 * validated: a search answers every campaign of the account.
 */
export function campaignFromSearch(body: unknown, id: string): Campaign | undefined {
  // Every id is checked (cheaply), so a malformed answer is INVALID_RESPONSE, never NOT_FOUND.
  const wire = searchData(body).find(
    (item) => wireId(VENDOR, "searchCampaigns", (item as { id?: unknown } | null)?.id) === id,
  );
  return wire === undefined ? undefined : campaignFromSearchItem(wire);
}

function searchData(body: unknown): unknown[] {
  const envelope = expectObject(VENDOR, "searchCampaigns", body);
  if (!Array.isArray(envelope.data)) {
    throw invalidResponse(VENDOR, "searchCampaigns", "data is not an array");
  }
  return envelope.data;
}

/** One element of a search answer's `data`. */
export function campaignFromSearchItem(wire: unknown): Campaign {
  const campaign = expectObject(VENDOR, "searchCampaigns", wire, "campaign") as ConvosoCampaign;
  return checkedCampaign(VENDOR, "searchCampaigns", mapConvosoCampaign(campaign));
}

/** How Convoso's answers read, per operation of specs/convoso.openapi.yaml. */
export const convosoResponses: VendorResponses = {
  campaignsFrom: {
    searchCampaigns: campaignsFromSearch,
    // `{"success": true}`: the status change answers with no campaign.
    setCampaignStatus: null,
  },
  decodeError: decodeConvosoError,
};
