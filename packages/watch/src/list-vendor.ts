import {
  type Campaign,
  type CampaignProvider,
  isCampaignkitError,
  isCredentialRefusal,
} from "@campaignkit/core";
import type { Clock } from "./clock.js";
import type { VendorFailure } from "./events.js";

/** How one vendor's listing of a poll round went (its campaigns went to `see` as they came). */
export interface VendorListing {
  vendor: string;
  /** How many campaigns were listed. */
  campaigns: number;
  /** `complete`: every campaign listed; `partial`: the vendor could not page further. */
  outcome: "complete" | "partial" | "failed";
  error?: VendorFailure;
  /** The vendor refused the credential itself: asking again would only count toward a lockout. */
  credentialRefused?: boolean;
  ms: number;
}

function failureOf(error: unknown): VendorFailure {
  if (isCampaignkitError(error)) return { code: error.code, message: error.message };
  return { code: "UNKNOWN", message: error instanceof Error ? error.message : String(error) };
}

/**
 * Lists every campaign through the provider (its rate limiter, retries, deadline and credential
 * guard apply), handing each to `see` as it is read, so no listing is held whole. A listing cut
 * short by `UNSUPPORTED` (the vendor cannot page further) is `partial`: what it got stands; any
 * other failure is `failed`, and the caller discards what `see` was given.
 */
export async function listVendor(
  provider: CampaignProvider,
  clock: Clock,
  signal: AbortSignal,
  timeout: number | undefined,
  see: (campaign: Campaign) => void,
): Promise<VendorListing> {
  const started = clock.now();
  let campaigns = 0;
  const options = timeout === undefined ? { signal } : { signal, timeout };
  try {
    for await (const campaign of provider.listCampaigns(undefined, options)) {
      campaigns++;
      see(campaign);
    }
    return { vendor: provider.vendor, campaigns, outcome: "complete", ms: clock.now() - started };
  } catch (error) {
    const partial = isCampaignkitError(error) && error.code === "UNSUPPORTED";
    return {
      vendor: provider.vendor,
      campaigns: partial ? campaigns : 0,
      outcome: partial ? "partial" : "failed",
      error: failureOf(error),
      ...(isCredentialRefusal(error) ? { credentialRefused: true } : {}),
      ms: clock.now() - started,
    };
  }
}
