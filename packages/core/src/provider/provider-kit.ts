import type { VendorClientSettings, VendorDescriptor } from "../http/create-vendor-client.js";
import type { Campaign } from "../model/campaign.js";
import { type CampaignPatch, parseCampaignPatch } from "../model/campaign-patch.js";
import { checkPatchSupported, type ProviderCapabilities } from "./capabilities.js";
import { checkCampaignId } from "./operation-helpers.js";
import { planSteps } from "./plan.js";
import type { CallOptions, ListCampaignsQuery, PlannedRequest } from "./provider.js";
import {
  type AnyVendorClient,
  type RequestStep,
  sendStep,
  type VendorResponses,
} from "./request-step.js";

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
}

/** The plumbing every provider shares, so that a provider file holds only its vendor's logic. */
export interface ProviderKit {
  /** Sends one step and returns the success body, or throws the vendor's decoded error. */
  send(step: RequestStep, options?: CallOptions): Promise<unknown>;
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
    send: (step, callOptions) =>
      sendStep(options.client, vendor, step, options.responses.decodeError, callOptions),
    checkId: (id) => checkCampaignId(vendor, id, options.ids),
    validPatch: (patch) => {
      const parsed = parseCampaignPatch(vendor, patch);
      checkPatchSupported(vendor, options.capabilities, parsed);
      return parsed;
    },
    plan: (steps) => planSteps(options.descriptor, options.settings, steps),
    matches: (query, campaign) => !query.status || campaign.status === query.status,
  };
}
