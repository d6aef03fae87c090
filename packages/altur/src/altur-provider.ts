import {
  defineVendor,
  type ProviderSettings,
  type VendorPatch,
  type VendorProvider,
} from "@campaignkit/core";
import { alturCapabilities } from "./altur-capabilities.js";
import { type AlturPaths, alturDescriptor, createAlturClient } from "./altur-client.js";
import {
  alturHasNextPage,
  alturResponses,
  campaignFromEnvelope,
  campaignFromListItem,
  campaignsFromList,
} from "./altur-responses.js";
import {
  alturActionStep,
  alturGetStep,
  alturListStep,
  alturResumeInstead,
  toAlturUpdateSteps,
} from "./convert-to-altur-steps.js";
import { alturSpecFacts } from "./generated/altur-descriptor.js";
import { type AlturPatchExtension, alturExtension } from "./generated/altur-extension.js";

/** Altur, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const alturVendor = defineVendor({
  descriptor: alturDescriptor,
  displayName: alturSpecFacts.displayName,
  createClient: createAlturClient,
  capabilities: alturCapabilities,
  settings: alturSpecFacts.settings,
  ids: "integer",
  steps: {
    get: alturGetStep,
    list: alturListStep,
    update: toAlturUpdateSteps,
    pause: (id) => alturActionStep(id, "pause"),
    resume: (id) => alturActionStep(id, "resume"),
    resumeInstead: alturResumeInstead,
  },
  read: {
    // The last request of an update is always a PATCH or a read: both answer `{success, campaign}`.
    campaign: (operationId, body) => campaignFromEnvelope(operationId, body),
    list: campaignsFromList,
    listItemsAt: "$.campaigns",
    listItem: campaignFromListItem,
    listIncomplete: (body) =>
      alturHasNextPage(body)
        ? "more campaigns exist, but Altur does not document how to request the next page"
        : undefined,
  },
  responses: alturResponses,
  extension: alturExtension,
});

/** The settings of `createAltur`: those of `@campaignkit/core`'s `ProviderSettings`. */
export type AlturSettings = ProviderSettings;

/** The typed client is there for what the normalized model does not cover (cycles, templates, archive). */
export type AlturProvider = VendorProvider<AlturPaths, VendorPatch<"altur", AlturPatchExtension>>;

/** A campaignkit provider for Altur: one normalized campaign model over Altur's API. */
export function createAltur(settings: AlturSettings): AlturProvider {
  return alturVendor.create(settings);
}
