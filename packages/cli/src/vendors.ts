import * as altur from "@campaignkit/altur";
import * as asisso from "@campaignkit/asisso";
import * as convoso from "@campaignkit/convoso";
import type { CampaignProvider, ProviderCapabilities } from "@campaignkit/core";
import * as velip from "@campaignkit/velip";
import * as voxo from "@campaignkit/voxo";
import { kitFrom, type ProviderOptions, type VendorId } from "./vendor-loader.js";

export {
  isVendor,
  type ProviderOptions,
  VENDORS,
  type VendorId,
} from "./vendor-loader.js";

// Every vendor, imported with this module: for `apply` and `watch`, which may touch any of them.
// Every other command loads only its vendor, through vendor-loader.ts.
const KITS = {
  altur: kitFrom("altur", altur),
  asisso: kitFrom("asisso", asisso),
  convoso: kitFrom("convoso", convoso),
  velip: kitFrom("velip", velip),
  voxo: kitFrom("voxo", voxo),
} satisfies Record<VendorId, unknown>;

/** Each vendor's capabilities, as its package declares them (no credentials needed). */
export const CAPABILITIES: Readonly<Record<VendorId, ProviderCapabilities>> = {
  altur: KITS.altur.capabilities,
  asisso: KITS.asisso.capabilities,
  convoso: KITS.convoso.capabilities,
  velip: KITS.velip.capabilities,
  voxo: KITS.voxo.capabilities,
};

/** The vendor's `create<Vendor>()` provider. */
export function createProvider(vendor: VendorId, settings: ProviderOptions): CampaignProvider {
  return KITS[vendor].createProvider(settings);
}
