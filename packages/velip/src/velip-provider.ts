import {
  defineVendor,
  type ProviderSettings,
  type VendorPatch,
  type VendorProvider,
} from "@campaignkit/core";
import {
  toVelipUpdateSteps,
  velipActiveStep,
  velipListStep,
  velipReadStep,
} from "./convert-to-velip-steps.js";
import { velipSpecFacts } from "./generated/velip-descriptor.js";
import { type VelipPatchExtension, velipExtension } from "./generated/velip-extension.js";
import { velipCapabilities } from "./velip-capabilities.js";
import { createVelipClient, type VelipPaths, velipDescriptor } from "./velip-client.js";
import {
  campaignFromElement,
  campaignsFromAnswer,
  VELIP_MAX_REG,
  velipListMayBeTruncated,
  velipResponses,
} from "./velip-responses.js";

/** Velip, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const velipVendor = defineVendor({
  descriptor: velipDescriptor,
  displayName: velipSpecFacts.displayName,
  createClient: createVelipClient,
  capabilities: velipCapabilities,
  settings: velipSpecFacts.settings,
  ids: "integer",
  steps: {
    get: velipReadStep,
    list: velipListStep,
    update: toVelipUpdateSteps,
    pause: (id) => velipActiveStep(id, "pause"),
    resume: (id) => velipActiveStep(id, "resume"),
  },
  read: {
    campaign: (operationId, body, id) =>
      campaignsFromAnswer(operationId, body).find((campaign) => campaign.id === id),
    list: (body) => campaignsFromAnswer("getCampaignsList", body),
    listItemsAt: "$.campaigns",
    listItem: (wire) => campaignFromElement("getCampaignsList", wire),
    listIncomplete: (_body, listed) =>
      velipListMayBeTruncated(listed)
        ? `GetCampaignsList returned ${VELIP_MAX_REG} campaigns (maxreg), so more may exist, but Velip documents no paging beyond maxreg`
        : undefined,
    // ChangeCampaign answers with the campaign afterwards; after a 230 it holds none.
    missingAfterUpdate: "read-back",
  },
  responses: velipResponses,
  extension: velipExtension,
});

/** The settings of `createVelip`: those of `@campaignkit/core`'s `ProviderSettings`. */
export type VelipSettings = ProviderSettings;

/** The typed client is there for what the normalized model does not cover (filters, groups, CreateCampaign fields). */
export type VelipProvider = VendorProvider<VelipPaths, VendorPatch<"velip", VelipPatchExtension>>;

/** A campaignkit provider for Velip: one normalized campaign model over Velip's API. */
export function createVelip(settings: VelipSettings): VelipProvider {
  return velipVendor.create(settings);
}
