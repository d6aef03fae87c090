import {
  type CallOptions,
  type CampaignPatch,
  type CampaignProvider,
  checkCampaignId,
  checkPatchSupported,
  type ListCampaignsQuery,
  type PlannedRequest,
  type ProviderSettings,
  parseCampaignPatch,
  planSteps,
  type RequestStep,
  runSteps,
  sendStep,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import { asissoCapabilities } from "./asisso-capabilities.js";
import { type AsissoClient, asissoDescriptor, createAsissoClient } from "./asisso-client.js";
import { asissoResponses, campaignFromBody, campaignsFromList } from "./asisso-responses.js";
import { asissoActionStep, asissoGetStep, toAsissoUpdateSteps } from "./convert-to-asisso-steps.js";

const VENDOR = "asisso";

export type AsissoSettings = ProviderSettings;

export interface AsissoProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (start, circuit breaker, logs). */
  readonly client: AsissoClient;
}

/** A campaignkit provider for Asisso: one normalized campaign model over Asisso's API. */
export function createAsisso(settings: AsissoSettings): AsissoProvider {
  const client = createAsissoClient(settings);
  const send = (step: RequestStep, options?: CallOptions) =>
    sendStep(
      client as unknown as Client<never>,
      VENDOR,
      step,
      asissoResponses.decodeError,
      options,
    );
  const checkId = (id: string) => checkCampaignId(VENDOR, id, "integer");
  const validPatch = (patch: CampaignPatch) => {
    const parsed = parseCampaignPatch(VENDOR, patch);
    checkPatchSupported(VENDOR, asissoCapabilities, parsed);
    return parsed;
  };

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
        if (!query.status || campaign.status === query.status) yield campaign;
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
      return planSteps(
        asissoDescriptor,
        settings,
        toAsissoUpdateSteps(checkId(id), validPatch(patch)),
      );
    },
  };
}
