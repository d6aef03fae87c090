import {
  type CallOptions,
  type CampaignPatch,
  type CampaignProvider,
  type ListCampaignsQuery,
  type PlannedRequest,
  type ProviderSettings,
  providerKit,
  type RequestStep,
  runSteps,
} from "@campaignkit/core";
import { asissoCapabilities } from "./asisso-capabilities.js";
import { type AsissoClient, asissoDescriptor, createAsissoClient } from "./asisso-client.js";
import { asissoResponses, campaignFromBody, campaignsFromList } from "./asisso-responses.js";
import { asissoActionStep, asissoGetStep, toAsissoUpdateSteps } from "./convert-to-asisso-steps.js";

const VENDOR = "asisso";

/** The settings of `createAsisso`: those of every provider (`ProviderSettings`). */
export type AsissoSettings = ProviderSettings;

/** The normalized `CampaignProvider` for Asisso, with Asisso's typed client beside it. */
export interface AsissoProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (start, circuit breaker, logs). */
  readonly client: AsissoClient;
}

/** A campaignkit provider for Asisso: one normalized campaign model over Asisso's API. */
export function createAsisso(settings: AsissoSettings): AsissoProvider {
  const client = createAsissoClient(settings);
  const { send, checkId, validPatch, plan, matches } = providerKit({
    descriptor: asissoDescriptor,
    settings,
    client,
    capabilities: asissoCapabilities,
    responses: asissoResponses,
    ids: "integer",
  });

  const getCampaign = async (id: string, options?: CallOptions) =>
    campaignFromBody("getCampaign", await send(asissoGetStep(checkId(id)), options));

  return {
    vendor: VENDOR,
    capabilities: asissoCapabilities,
    client,
    getCampaign,

    async *listCampaigns(query: ListCampaignsQuery = {}, options?: CallOptions) {
      const step: RequestStep = {
        operationId: "listCampaigns",
        method: "GET",
        path: "/campaign/",
        idempotent: true,
        purpose: "list campaigns",
      };
      // Asisso documents no paging: the one answer holds every campaign there is to read.
      for (const campaign of campaignsFromList(await send(step, options))) {
        if (matches(query, campaign)) yield campaign;
      }
    },

    async updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions) {
      const steps = toAsissoUpdateSteps(checkId(id), validPatch(patch));
      const bodies = await runSteps(steps, (step) => send(step, options));
      // The last request answers with the campaign afterwards (see toAsissoUpdateSteps).
      return campaignFromBody(steps.at(-1)?.operationId ?? "updateCampaign", bodies.at(-1));
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(asissoActionStep(checkId(id), "pause"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(asissoActionStep(checkId(id), "resume"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return plan(toAsissoUpdateSteps(checkId(id), validPatch(patch)));
    },
  };
}
