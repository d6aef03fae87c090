import { validationError } from "../errors.js";
import type { VendorClientSettings, VendorDescriptor } from "../http/create-vendor-client.js";
import type { Campaign } from "../model/campaign.js";
import { type CampaignPatch, fieldsOf, parseCampaignPatch } from "../model/campaign-patch.js";
import { checkPatchSupported, type ProviderCapabilities } from "./capabilities.js";
import { checkCampaignId } from "./operation-helpers.js";
import { stepPlanner } from "./plan.js";
import type { CallOptions, ListCampaignsQuery, PlannedRequest } from "./provider.js";
import {
  type AnyVendorClient,
  type RequestStep,
  sendStep,
  type VendorResponses,
} from "./request-step.js";
import { type VendorExtensionSpec, vendorFieldsOf } from "./vendor-extension.js";

const NO_EXTENSION: VendorExtensionSpec = { operationId: undefined, fields: {} };

/**
 * What `providerKit` builds a provider's plumbing from: the vendor's descriptor, settings, typed
 * client, capabilities, answer readers and id kind.
 */
export interface ProviderKitOptions {
  descriptor: VendorDescriptor;
  settings: VendorClientSettings;
  /** The vendor's typed client, built from `descriptor` and `settings`. */
  client: AnyVendorClient;
  capabilities: ProviderCapabilities;
  responses: VendorResponses;
  /** What the vendor's campaign ids are: whole numbers, or any string. */
  ids: "integer" | "string";
  /** The vendor's patch extension (`patch.vendor.<vendor>`), generated from its spec; none by default. */
  extension?: VendorExtensionSpec;
}

/** The plumbing every provider shares, so that a provider file holds only its vendor's logic. */
export interface ProviderKit {
  /**
   * Sends one step and returns the success body, or throws the vendor's decoded error; a
   * listing step (`itemsAt`) hands its items to `onItem` as they are read.
   */
  send(
    step: RequestStep,
    options?: CallOptions,
    onItem?: (item: unknown) => void,
  ): Promise<unknown>;
  /** The id, or a `VALIDATION` error on `id`. */
  checkId(id: string): string;
  /** The parsed patch, or `VALIDATION` / `UNSUPPORTED` before any request. */
  validPatch(patch: CampaignPatch): CampaignPatch;
  /** The steps as planned requests, credentials redacted, nothing sent. */
  plan(steps: readonly RequestStep[]): Promise<PlannedRequest[]>;
  /** Whether a campaign passes a list query. */
  matches(query: ListCampaignsQuery, campaign: Campaign): boolean;
}

/**
 * The shared plumbing of one provider (send, checkId, validPatch, plan, matches), for a provider
 * factory to build on.
 */
export function providerKit(options: ProviderKitOptions): ProviderKit {
  const { vendor } = options.descriptor;
  return {
    send: (step, callOptions, onItem) =>
      sendStep(options.client, vendor, step, options.responses.decodeError, callOptions, onItem),
    checkId: (id) => checkCampaignId(vendor, id, options.ids),
    validPatch: (patch) => {
      const { vendor: extensions, ...parsed } = parseCampaignPatch(vendor, patch);
      checkPatchSupported(vendor, options.capabilities, parsed);
      const own = vendorFieldsOf(vendor, options.extension ?? NO_EXTENSION, { vendor: extensions });
      if (!own && fieldsOf(parsed).length === 0) {
        throw validationError(
          vendor,
          "(patch)",
          `must change at least one field of ${vendor} (entries of patch.vendor for other vendors are not sent to ${vendor})`,
        );
      }
      // Only this vendor's entry goes on: the steps and the plan show what is sent.
      return own ? { ...parsed, vendor: { [vendor]: own } } : parsed;
    },
    plan: stepPlanner(options.descriptor, options.settings),
    matches: (query, campaign) => !query.status || campaign.status === query.status,
  };
}
