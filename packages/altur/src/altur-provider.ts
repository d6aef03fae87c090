import {
  type CallOptions,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
  type ListCampaignsQuery,
  type PlannedRequest,
  type ProviderSettings,
  providerKit,
  type RequestStep,
  runSteps,
} from "@campaignkit/core";
import { alturCapabilities } from "./altur-capabilities.js";
import { type AlturClient, alturDescriptor, createAlturClient } from "./altur-client.js";
import {
  alturHasNextPage,
  alturResponses,
  campaignFromEnvelope,
  campaignsFromList,
} from "./altur-responses.js";
import { alturActionStep, alturGetStep, toAlturUpdateSteps } from "./convert-to-altur-steps.js";

const VENDOR = "altur";

/** The settings of `createAltur`: those of every provider (`ProviderSettings`). */
export type AlturSettings = ProviderSettings;

/** The normalized `CampaignProvider` for Altur, with Altur's typed client beside it. */
export interface AlturProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (cycles, templates, archive). */
  readonly client: AlturClient;
}

/** A campaignkit provider for Altur: one normalized campaign model over Altur's API. */
export function createAltur(settings: AlturSettings): AlturProvider {
  const client = createAlturClient(settings);
  const { send, checkId, validPatch, plan, matches } = providerKit({
    descriptor: alturDescriptor,
    settings,
    client,
    capabilities: alturCapabilities,
    responses: alturResponses,
    ids: "integer",
  });

  const getCampaign = async (id: string, options?: CallOptions) =>
    campaignFromEnvelope("getCampaign", await send(alturGetStep(checkId(id)), options));

  return {
    vendor: VENDOR,
    capabilities: alturCapabilities,
    client,
    getCampaign,

    async *listCampaigns(query: ListCampaignsQuery = {}, options?: CallOptions) {
      const step: RequestStep = {
        operationId: "listCampaigns",
        method: "GET",
        path: "/campaigns",
        idempotent: true,
        purpose: "list campaigns",
      };
      const page = await send(step, options);
      for (const campaign of campaignsFromList(page)) {
        if (matches(query, campaign)) yield campaign;
      }
      if (alturHasNextPage(page)) {
        throw new CampaignkitError({
          code: "UNSUPPORTED",
          vendor: VENDOR,
          message: `${VENDOR}: more campaigns exist, but Altur does not document how to request the next page`,
        });
      }
    },

    async updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions) {
      const steps = toAlturUpdateSteps(checkId(id), validPatch(patch));
      const bodies = await runSteps(steps, (step) => send(step, options));
      return campaignFromEnvelope(steps.at(-1)?.operationId ?? "updateCampaign", bodies.at(-1));
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(alturActionStep(checkId(id), "pause"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(alturActionStep(checkId(id), "resume"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return plan(toAlturUpdateSteps(checkId(id), validPatch(patch)));
    },
  };
}
