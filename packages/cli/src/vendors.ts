import type { CampaignProvider, ProviderCapabilities } from "@campaignkit/core";
import { type ProviderOptions, VENDORS, type VendorId, vendorKit } from "./vendor-loader.js";

export {
  isVendor,
  type ProviderOptions,
  VENDORS,
  type VendorId,
} from "./vendor-loader.js";

// Every vendor, loaded when this module is: for `apply`, whose file may name any of them.
// Every other command loads only its vendor, through vendor-loader.ts.
const kits = await Promise.all(VENDORS.map(vendorKit));

/** Each vendor's capabilities, as its package declares them (no credentials needed). */
export const CAPABILITIES = Object.fromEntries(
  kits.map((kit) => [kit.vendor, kit.capabilities]),
) as Readonly<Record<VendorId, ProviderCapabilities>>;

/** The vendor's `create<Vendor>()` provider. */
export function createProvider(vendor: VendorId, settings: ProviderOptions): CampaignProvider {
  const kit = kits.find((candidate) => candidate.vendor === vendor);
  if (!kit) throw new Error(`unknown vendor ${vendor}`);
  return kit.createProvider(settings);
}
