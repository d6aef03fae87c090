import {
  defineVendor,
  type ProviderSettings,
  type VendorPatch,
  type VendorProvider,
} from "@campaignkit/core";
import {
  convosoSearchStep,
  convosoStatusStep,
  toConvosoUpdateSteps,
} from "./convert-to-convoso-steps.js";
import { convosoCapabilities } from "./convoso-capabilities.js";
import { type ConvosoPaths, convosoDescriptor, createConvosoClient } from "./convoso-client.js";
import {
  campaignFromSearch,
  campaignFromSearchItem,
  campaignsFromSearch,
  convosoResponses,
} from "./convoso-responses.js";
import { convosoSpecFacts } from "./generated/convoso-descriptor.js";
import { type ConvosoPatchExtension, convosoExtension } from "./generated/convoso-extension.js";

/** Convoso, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const convosoVendor = defineVendor({
  descriptor: convosoDescriptor,
  displayName: convosoSpecFacts.displayName,
  createClient: createConvosoClient,
  capabilities: convosoCapabilities,
  settings: convosoSpecFacts.settings,
  ids: "string",
  // An echoed token never reaches the decoder: core cuts credentials out of every answer.
  steps: {
    get: () => convosoSearchStep("read the campaign"),
    // Convoso answers every campaign in one response: there is no next page to miss.
    list: () => convosoSearchStep("list campaigns"),
    // The last step is the read-back search; `/campaigns/status` answers no campaign.
    update: toConvosoUpdateSteps,
    pause: (id) => convosoStatusStep(id, "paused"),
    resume: (id) => convosoStatusStep(id, "active"),
  },
  read: {
    // Only the campaign asked for is mapped: a search answers every campaign of the account.
    campaign: (_operationId, body, id) => campaignFromSearch(body, id),
    list: campaignsFromSearch,
    listItemsAt: "$.data",
    listItem: campaignFromSearchItem,
  },
  responses: convosoResponses,
  extension: convosoExtension,
});

/** The settings of `createConvoso`: those of `@campaignkit/core`'s `ProviderSettings`. */
export type ConvosoSettings = ProviderSettings;

/** The typed client is there for what the normalized model does not cover (`last_call_date`). */
export type ConvosoProvider = VendorProvider<
  ConvosoPaths,
  VendorPatch<"convoso", ConvosoPatchExtension>
>;

/** A campaignkit provider for Convoso: one normalized campaign model over Convoso's API. */
export function createConvoso(settings: ConvosoSettings): ConvosoProvider {
  return convosoVendor.create(settings);
}
