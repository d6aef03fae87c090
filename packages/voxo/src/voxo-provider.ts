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
  validationError,
} from "@campaignkit/core";
import { toVoxoUpdateSteps, voxoCampaignId, voxoStateStep } from "./convert-to-voxo-steps.js";
import { voxoCapabilities } from "./voxo-capabilities.js";
import { createVoxoClient, type VoxoClient, voxoDescriptor } from "./voxo-client.js";
import { campaignFromBody, campaignsFromList, voxoResponses } from "./voxo-responses.js";

const VENDOR = "voxo";

/** The settings of `createVoxo`: those of every provider (`ProviderSettings`) and a VOXO tenant. */
export type VoxoSettings = ProviderSettings & {
  /** The tenant whose campaigns `listCampaigns` reads (VOXO's legacy list needs one). */
  tenantId?: number;
};

/** The normalized `CampaignProvider` for VOXO, with VOXO's typed client beside it. */
export interface VoxoProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (numbers, destinations, VM detection). */
  readonly client: VoxoClient;
}

function checkTenantId(tenantId: unknown): number | undefined {
  if (tenantId === undefined) return undefined;
  if (typeof tenantId !== "number" || !Number.isSafeInteger(tenantId) || tenantId <= 0) {
    throw validationError(VENDOR, "tenantId", "voxo tenant ids are positive whole numbers");
  }
  return tenantId;
}

function getStep(id: string): RequestStep {
  return {
    operationId: "getCallCampaign",
    method: "GET",
    path: "/call-campaigns/{id}",
    params: { path: { id: voxoCampaignId(id) } },
    idempotent: true,
    purpose: "read the campaign",
  };
}

function listStep(tenantId: number): RequestStep {
  return {
    operationId: "listCallCampaigns",
    method: "GET",
    path: "/call-campaigns",
    params: { query: { tenantId } },
    idempotent: true,
    purpose: "list the tenant's campaigns",
  };
}

/** A campaignkit provider for VOXO: one normalized campaign model over VOXO's API. */
export function createVoxo(settings: VoxoSettings): VoxoProvider {
  const tenantId = checkTenantId(settings?.tenantId);
  const client = createVoxoClient(settings);
  const { send, checkId, validPatch, plan, matches } = providerKit({
    descriptor: voxoDescriptor,
    settings,
    client,
    capabilities: voxoCapabilities,
    responses: voxoResponses,
    ids: "integer",
  });

  return {
    vendor: VENDOR,
    capabilities: voxoCapabilities,
    client,

    async getCampaign(id: string, options?: CallOptions) {
      return campaignFromBody("getCallCampaign", await send(getStep(checkId(id)), options));
    },

    async *listCampaigns(query: ListCampaignsQuery = {}, options?: CallOptions) {
      if (tenantId === undefined) {
        throw validationError(
          VENDOR,
          "tenantId",
          "voxo lists the campaigns of one tenant: pass tenantId to createVoxo",
        );
      }
      // A bare array without paging: the one answer holds every campaign of the tenant.
      const body = await send(listStep(tenantId), options);
      for (const campaign of campaignsFromList(body)) {
        if (matches(query, campaign)) yield campaign;
      }
    },

    async updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions) {
      const steps = toVoxoUpdateSteps(checkId(id), validPatch(patch));
      const bodies = await runSteps(steps, (step) => send(step, options));
      // One PATCH, whose answer is the updated campaign: no extra read.
      return campaignFromBody("updateCallCampaign", bodies.at(-1));
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(voxoStateStep(checkId(id), "paused"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(voxoStateStep(checkId(id), "active"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return plan(toVoxoUpdateSteps(checkId(id), validPatch(patch)));
    },
  };
}
