import {
  type CallOptions,
  type Campaign,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
  type ListCampaignsQuery,
  type PlannedRequest,
  type ProviderSettings,
  providerKit,
  runSteps,
} from "@campaignkit/core";
import {
  convosoSearchStep,
  convosoStatusStep,
  toConvosoUpdateSteps,
} from "./convert-to-convoso-steps.js";
import { convosoCapabilities } from "./convoso-capabilities.js";
import { type ConvosoClient, convosoDescriptor, createConvosoClient } from "./convoso-client.js";
import { campaignFromSearch, campaignsFromSearch, convosoResponses } from "./convoso-responses.js";

const VENDOR = "convoso";

/** The settings of `createConvoso`: those of every provider (`ProviderSettings`). */
export type ConvosoSettings = ProviderSettings;

/** The normalized `CampaignProvider` for Convoso, with Convoso's typed client beside it. */
export interface ConvosoProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (`last_call_date`). */
  readonly client: ConvosoClient;
}

/** The campaign with `id` of a search answer (only it is mapped), or NOT_FOUND. */
function pick(body: unknown, id: string, applied?: string[]): Campaign {
  const campaign = campaignFromSearch(body, id);
  if (campaign) return campaign;
  throw new CampaignkitError({
    code: "NOT_FOUND",
    vendor: VENDOR,
    message: `${VENDOR}: campaign ${JSON.stringify(id)} is not in the /campaigns/search answer${
      applied ? ` (already applied: ${applied.join("; ")})` : ""
    }`,
    ...(applied ? { details: { applied } } : {}),
  });
}

/** A campaignkit provider for Convoso: one normalized campaign model over Convoso's API. */
export function createConvoso(settings: ConvosoSettings): ConvosoProvider {
  const client = createConvosoClient(settings);
  const { send, checkId, validPatch, plan, matches } = providerKit({
    descriptor: convosoDescriptor,
    settings,
    client,
    capabilities: convosoCapabilities,
    responses: convosoResponses,
    ids: "string",
  });
  // An echoed token never reaches the decoder: core cuts credentials out of every answer.
  const search = (purpose: string, options?: CallOptions) =>
    send(convosoSearchStep(purpose), options);

  return {
    vendor: VENDOR,
    capabilities: convosoCapabilities,
    client,

    async getCampaign(id: string, options?: CallOptions) {
      checkId(id);
      return pick(await search("read the campaign", options), id);
    },

    async *listCampaigns(query: ListCampaignsQuery = {}, options?: CallOptions) {
      // Convoso answers every campaign in one response: there is no next page to miss.
      for (const campaign of campaignsFromSearch(await search("list campaigns", options))) {
        if (matches(query, campaign)) yield campaign;
      }
    },

    async updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions) {
      const steps = toConvosoUpdateSteps(checkId(id), validPatch(patch));
      const bodies = await runSteps(steps, (step) => send(step, options));
      // The last step is the read-back search; `/campaigns/status` answers no campaign.
      return pick(
        bodies.at(-1),
        id,
        steps.slice(0, -1).map((step) => step.purpose),
      );
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(convosoStatusStep(checkId(id), "paused"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(convosoStatusStep(checkId(id), "active"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return plan(toConvosoUpdateSteps(checkId(id), validPatch(patch)));
    },
  };
}
