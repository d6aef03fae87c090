import {
  type CallOptions,
  type Campaign,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
  type ListCampaignsQuery,
  markApplied,
  type PlannedRequest,
  type ProviderSettings,
  providerKit,
  type RequestStep,
  runSteps,
} from "@campaignkit/core";
import { toVelipUpdateSteps, velipActiveStep, velipCampaignId } from "./convert-to-velip-steps.js";
import { velipCapabilities } from "./velip-capabilities.js";
import { createVelipClient, type VelipClient, velipDescriptor } from "./velip-client.js";
import {
  campaignsFromAnswer,
  VELIP_MAX_REG,
  velipListMayBeTruncated,
  velipResponses,
} from "./velip-responses.js";

const VENDOR = "velip";

/** The settings of `createVelip`: those of every provider (`ProviderSettings`). */
export type VelipSettings = ProviderSettings;

/** The normalized `CampaignProvider` for Velip, with Velip's typed client beside it. */
export interface VelipProvider extends CampaignProvider {
  /** The typed client, for what the normalized model does not cover (filters, groups, CreateCampaign fields). */
  readonly client: VelipClient;
}

function readStep(id: string): RequestStep {
  return {
    operationId: "getCampaignsList",
    method: "POST",
    path: "/GetCampaignsList.php",
    body: { cp_id: velipCampaignId(id) },
    idempotent: true,
    purpose: "read the campaign",
  };
}

function listStep(): RequestStep {
  return {
    operationId: "getCampaignsList",
    method: "POST",
    path: "/GetCampaignsList.php",
    body: { maxreg: VELIP_MAX_REG },
    idempotent: true,
    purpose: "list campaigns",
  };
}

/** A campaignkit provider for Velip: one normalized campaign model over Velip's API. */
export function createVelip(settings: VelipSettings): VelipProvider {
  const client = createVelipClient(settings);
  const { send, checkId, validPatch, plan, matches } = providerKit({
    descriptor: velipDescriptor,
    settings,
    client,
    capabilities: velipCapabilities,
    responses: velipResponses,
    ids: "integer",
  });
  const withId = (campaigns: Campaign[], id: string) => campaigns.find((c) => c.id === id);

  const getCampaign = async (id: string, options?: CallOptions): Promise<Campaign> => {
    const answer = await send(readStep(checkId(id)), options);
    const campaign = withId(campaignsFromAnswer("getCampaignsList", answer), id);
    if (!campaign) {
      throw new CampaignkitError({
        code: "NOT_FOUND",
        vendor: VENDOR,
        message: `${VENDOR}: GetCampaignsList holds no campaign ${id}`,
      });
    }
    return campaign;
  };

  return {
    vendor: VENDOR,
    capabilities: velipCapabilities,
    client,
    getCampaign,

    async *listCampaigns(query: ListCampaignsQuery = {}, options?: CallOptions) {
      const answer = await send(listStep(), options);
      for (const campaign of campaignsFromAnswer("getCampaignsList", answer)) {
        if (matches(query, campaign)) yield campaign;
      }
      if (velipListMayBeTruncated(answer)) {
        throw new CampaignkitError({
          code: "UNSUPPORTED",
          vendor: VENDOR,
          message: `${VENDOR}: GetCampaignsList returned ${VELIP_MAX_REG} campaigns (maxreg), so more may exist, but Velip documents no paging beyond maxreg`,
        });
      }
    },

    async updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions) {
      const steps = toVelipUpdateSteps(checkId(id), validPatch(patch));
      const answers = await runSteps(steps, (step) => send(step, options));
      try {
        // ChangeCampaign answers with the campaign afterwards; after a 230 it holds none.
        const reported = withId(campaignsFromAnswer("changeCampaign", answers.at(-1)), id);
        return reported ?? (await getCampaign(id, options));
      } catch (error) {
        throw markApplied(
          error,
          steps.map((step) => step.purpose),
          "read the campaign back",
        );
      }
    },

    async pauseCampaign(id: string, options?: CallOptions) {
      await send(velipActiveStep(checkId(id), "pause"), options);
    },

    async resumeCampaign(id: string, options?: CallOptions) {
      await send(velipActiveStep(checkId(id), "resume"), options);
    },

    async planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]> {
      return plan(toVelipUpdateSteps(checkId(id), validPatch(patch)));
    },
  };
}
