import type { VendorClientSettings } from "../http/create-vendor-client.js";
import type { Campaign, CampaignStatus } from "../model/campaign.js";
import type { CampaignPatch } from "../model/campaign-patch.js";
import type { ProviderCapabilities } from "./capabilities.js";

/** Per-call options of every provider operation. */
export interface CallOptions {
  /** Aborts the call (and its retries): it rejects with code `ABORTED`. */
  signal?: AbortSignal;
  /** Milliseconds for the whole call, retries included: it rejects with code `TIMEOUT`. */
  timeout?: number;
  /** HTTP retries of a request that is safe to repeat (overrides the provider's setting). */
  maxRetries?: number;
  /**
   * The request id every request of this operation carries (hooks, log lines, and the
   * `requestId` of its error); default: a fresh `ck-<uuid>` per request. Kept locally, never sent.
   */
  requestId?: string;
}

/** Which campaigns `listCampaigns` yields. */
export interface ListCampaignsQuery {
  /** Only campaigns in this normalized status (filtered after normalization). */
  status?: CampaignStatus;
}

/** One HTTP request as it would be sent, credentials redacted: plain JSON data. */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body exactly as it would be sent (JSON text or a form string), if any. */
  body?: string;
  /** Why this request is part of the operation. */
  purpose: string;
}

/** One normalized set of campaign operations, the same on every vendor. */
export interface CampaignProvider {
  readonly vendor: string;
  readonly capabilities: ProviderCapabilities;
  /** The campaign with `id`, as the vendor reports it now; `NOT_FOUND` when there is none. */
  getCampaign(id: string, options?: CallOptions): Promise<Campaign>;
  /** Pages through every campaign: `for await (const campaign of provider.listCampaigns())`. */
  listCampaigns(query?: ListCampaignsQuery, options?: CallOptions): AsyncIterable<Campaign>;
  /** Applies a patch and returns the campaign as the vendor reports it afterwards. */
  updateCampaign(id: string, patch: CampaignPatch, options?: CallOptions): Promise<Campaign>;
  /** Succeeds when the campaign is already paused. */
  pauseCampaign(id: string, options?: CallOptions): Promise<void>;
  /** Succeeds when the campaign is already running. */
  resumeCampaign(id: string, options?: CallOptions): Promise<void>;
  /** The exact requests `updateCampaign` would send, credentials redacted, without any I/O. */
  planUpdate(id: string, patch: CampaignPatch): Promise<PlannedRequest[]>;
}

/**
 * The settings every `create<Vendor>()` provider factory accepts: those of the vendor's typed
 * client (`apiKey`, `baseURL`, `fetch`, `headers`, `timeout`, `maxRetries`, `rateLimit`,
 * `maxResponseBytes`, `allowInsecureBaseURL`).
 */
export type ProviderSettings = VendorClientSettings;
