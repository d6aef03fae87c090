import {
  defineVendor,
  type ProviderSettings,
  type VendorPatch,
  type VendorProvider,
} from "@campaignkit/core";
import { asissoCapabilities } from "./asisso-capabilities.js";
import { type AsissoPaths, asissoDescriptor, createAsissoClient } from "./asisso-client.js";
import {
  asissoResponses,
  campaignFromBody,
  campaignFromListItem,
  campaignsFromList,
} from "./asisso-responses.js";
import {
  asissoActionStep,
  asissoGetStep,
  asissoListStep,
  asissoResumeFrom,
  toAsissoUpdateSteps,
} from "./convert-to-asisso-steps.js";
import { asissoSpecFacts } from "./generated/asisso-descriptor.js";
import { type AsissoPatchExtension, asissoExtension } from "./generated/asisso-extension.js";

/** Asisso, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const asissoVendor = defineVendor({
  descriptor: asissoDescriptor,
  displayName: asissoSpecFacts.displayName,
  createClient: createAsissoClient,
  capabilities: asissoCapabilities,
  settings: asissoSpecFacts.settings,
  ids: "integer",
  steps: {
    get: asissoGetStep,
    // Asisso documents no paging: the one answer holds every campaign there is to read.
    list: asissoListStep,
    update: toAsissoUpdateSteps,
    pause: (id) => asissoActionStep(id, "pause"),
    resume: (id) => asissoActionStep(id, "resume"),
    resumeFrom: asissoResumeFrom,
  },
  read: {
    // The last request of an update answers with the campaign afterwards (see toAsissoUpdateSteps).
    campaign: (operationId, body) => campaignFromBody(operationId, body),
    list: campaignsFromList,
    listItemsAt: "$.campaigns",
    listItem: campaignFromListItem,
  },
  responses: asissoResponses,
  extension: asissoExtension,
});

/** The settings of `createAsisso`: those of `@campaignkit/core`'s `ProviderSettings`. */
export type AsissoSettings = ProviderSettings;

/** The typed client is there for what the normalized model does not cover (start, circuit breaker, logs). */
export type AsissoProvider = VendorProvider<
  AsissoPaths,
  VendorPatch<"asisso", AsissoPatchExtension>
>;

/** A campaignkit provider for Asisso: one normalized campaign model over Asisso's API. */
export function createAsisso(settings: AsissoSettings): AsissoProvider {
  return asissoVendor.create(settings);
}
