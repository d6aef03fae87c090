import {
  type Campaign,
  type CampaignProvider,
  isCampaignkitError,
  isCredentialRefusal,
} from "@campaignkit/core";
import type { Clock } from "./clock.js";
import type { VendorFailure } from "./events.js";

/** One vendor's answer to a poll round. */
export interface VendorListing {
  vendor: string;
  campaigns: Campaign[];
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
 * guard apply). A listing cut short by `UNSUPPORTED` (the vendor cannot page further) keeps what
 * it got; any other failure keeps nothing.
 */
export async function listVendor(
  provider: CampaignProvider,
  clock: Clock,
  signal: AbortSignal,
  timeout: number | undefined,
): Promise<VendorListing> {
  const started = clock.now();
  const campaigns: Campaign[] = [];
  const options = timeout === undefined ? { signal } : { signal, timeout };
  try {
    for await (const campaign of provider.listCampaigns(undefined, options)) {
      campaigns.push(campaign);
    }
    return { vendor: provider.vendor, campaigns, outcome: "complete", ms: clock.now() - started };
  } catch (error) {
    const partial = isCampaignkitError(error) && error.code === "UNSUPPORTED";
    return {
      vendor: provider.vendor,
      campaigns: partial ? campaigns : [],
      outcome: partial ? "partial" : "failed",
      error: failureOf(error),
      ...(isCredentialRefusal(error) ? { credentialRefused: true } : {}),
      ms: clock.now() - started,
    };
  }
}
