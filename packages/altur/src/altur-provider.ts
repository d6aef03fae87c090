import {
  type CallOptions,
  type Campaign,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
  checkCampaignId,
  checkedCampaign,
  checkPatchSupported,
  expectObject,
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
import { alturCapabilities } from "./altur-capabilities.js";
import { type AlturClient, alturDescriptor, createAlturClient } from "./altur-client.js";
import { decodeAlturError } from "./altur-errors.js";
import { alturActionStep, alturCampaignId, toAlturUpdateSteps } from "./convert-to-altur-steps.js";
import type { components } from "./generated/altur-api.js";
import { mapAlturCampaign } from "./map-altur-campaign.js";

const VENDOR = "altur";

export type AlturSettings = ProviderSettings;

export interface AlturProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (cycles, templates, archive). */
  readonly client: AlturClient;
}

function getStep(id: string): RequestStep {
  return {
    operationId: "getCampaign",
    method: "GET",
    path: "/campaigns/{id}",
    params: { path: { id: alturCampaignId(id) } },
    idempotent: true,
    purpose: "read the campaign",
  };
}

function campaignFrom(operationId: string, body: unknown): Campaign {
  const envelope = expectObject(VENDOR, operationId, body);
  const campaign = expectObject(VENDOR, operationId, envelope.campaign, "campaign");
  return checkedCampaign(
    VENDOR,
    operationId,
    mapAlturCampaign(campaign as components["schemas"]["Campaign"]),
  );
}

/** A campaignkit provider for Altur: one normalized campaign model over Altur's API. */
export function createAltur(settings: AlturSettings): AlturProvider {
  const client = createAlturClient(settings);
  const send = (step: RequestStep, options?: CallOptions) =>
    sendStep(client as unknown as Client<never>, VENDOR, step, decodeAlturError, options);
  const checkId = (id: string) => checkCampaignId(VENDOR, id, "integer");
  const validPatch = (patch: CampaignPatch) => {
    const parsed = parseCampaignPatch(VENDOR, patch);
    checkPatchSupported(VENDOR, alturCapabilities, parsed);
    return parsed;
  };

  const getCampaign = async (id: string, options?: CallOptions) =>
    campaignFrom("getCampaign", await send(getStep(checkId(id)), options));

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
      const page = expectObject(VENDOR, step.operationId, await send(step, options));
      if (!Array.isArray(page.campaigns)) {
        throw new CampaignkitError({
          code: "INVALID_RESPONSE",
          vendor: VENDOR,
          message: `${VENDOR}: listCampaigns answered without a campaigns array`,
        });
      }
      for (const wire of page.campaigns) {
        const campaign = checkedCampaign(VENDOR, step.operationId, mapAlturCampaign(wire));
        if (!query.status || campaign.status === query.status) yield campaign;
      }
      const pagination = (page.pagination ?? {}) as { has_next?: unknown; has_more?: unknown };
      if (pagination.has_next === true || pagination.has_more === true) {
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
      const last = steps.at(-1);
      // The PATCH answer is the campaign afterwards; after an action, Altur documents no body.
      return last?.operationId === "updateCampaign"
        ? campaignFrom("updateCampaign", bodies.at(-1))
        : getCampaign(id, options);
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(alturActionStep(checkId(id), "pause"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(alturActionStep(checkId(id), "resume"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return planSteps(
        alturDescriptor,
        settings,
        toAlturUpdateSteps(checkId(id), validPatch(patch)),
      );
    },
  };
}
