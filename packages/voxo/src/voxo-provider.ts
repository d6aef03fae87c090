import {
  defineVendor,
  type ProviderSettings,
  type VendorPatch,
  type VendorProvider,
} from "@campaignkit/core";
import { requiredSetting } from "@campaignkit/core/internal";
import {
  toVoxoUpdateSteps,
  voxoGetStep,
  voxoListStep,
  voxoStateStep,
} from "./convert-to-voxo-steps.js";
import { voxoSpecFacts } from "./generated/voxo-descriptor.js";
import { type VoxoPatchExtension, voxoExtension } from "./generated/voxo-extension.js";
import { voxoCapabilities } from "./voxo-capabilities.js";
import { createVoxoClient, type VoxoPaths, voxoDescriptor } from "./voxo-client.js";
import {
  campaignFromBody,
  campaignFromListItem,
  campaignsFromList,
  voxoResponses,
} from "./voxo-responses.js";

/** VOXO's legacy list reads the campaigns of one tenant (package.json `campaignkit.vendor.settings`). */
export const voxoSettings = voxoSpecFacts.settings;

/** VOXO, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const voxoVendor = defineVendor({
  descriptor: voxoDescriptor,
  displayName: voxoSpecFacts.displayName,
  createClient: createVoxoClient,
  capabilities: voxoCapabilities,
  settings: voxoSettings,
  ids: "integer",
  steps: {
    get: voxoGetStep,
    list: ({ tenantId }) =>
      voxoListStep(requiredSetting("voxo", "tenantId", voxoSettings.tenantId, tenantId)),
    // One PATCH, whose answer is the updated campaign: no extra read.
    update: toVoxoUpdateSteps,
    pause: (id) => voxoStateStep(id, "paused"),
    resume: (id) => voxoStateStep(id, "active"),
  },
  read: {
    campaign: (operationId, body) => campaignFromBody(operationId, body),
    list: campaignsFromList,
    listItemsAt: "$",
    listItem: campaignFromListItem,
  },
  responses: voxoResponses,
  extension: voxoExtension,
});

/** The settings of `createVoxo`: the common provider settings and VOXO's `tenantId`. */
export type VoxoSettings = ProviderSettings & {
  /** The tenant whose campaigns `listCampaigns` reads (VOXO's legacy list needs one). */
  tenantId?: number;
};

/** The typed client is there for what the normalized model does not cover (numbers, destinations, VM detection). */
export type VoxoProvider = VendorProvider<VoxoPaths, VendorPatch<"voxo", VoxoPatchExtension>>;

/** A campaignkit provider for VOXO: one normalized campaign model over VOXO's API. */
export function createVoxo(settings: VoxoSettings): VoxoProvider {
  return voxoVendor.create(settings);
}
