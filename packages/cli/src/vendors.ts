import { alturCapabilities, createAltur } from "@campaignkit/altur";
import { asissoCapabilities, createAsisso } from "@campaignkit/asisso";
import { convosoCapabilities, createConvoso } from "@campaignkit/convoso";
import type { CampaignProvider, ProviderCapabilities, ProviderSettings } from "@campaignkit/core";
import { createVelip, velipCapabilities } from "@campaignkit/velip";
import { createVoxo, voxoCapabilities } from "@campaignkit/voxo";

/** Every vendor the CLI knows, in display order. */
export const VENDORS = ["altur", "asisso", "convoso", "velip", "voxo"] as const;
/** A vendor the CLI knows, one of `VENDORS`. */
export type VendorId = (typeof VENDORS)[number];

export function isVendor(value: unknown): value is VendorId {
  return typeof value === "string" && (VENDORS as readonly string[]).includes(value);
}

/** Each vendor's capabilities, as its package declares them (no credentials needed). */
export const CAPABILITIES: Readonly<Record<VendorId, ProviderCapabilities>> = {
  altur: alturCapabilities,
  asisso: asissoCapabilities,
  convoso: convosoCapabilities,
  velip: velipCapabilities,
  voxo: voxoCapabilities,
};

export interface ProviderOptions extends ProviderSettings {
  /** VOXO only: the tenant whose campaigns `list` reads. */
  tenantId?: number;
}

/** The vendor's `create<Vendor>()` provider. */
export function createProvider(vendor: VendorId, settings: ProviderOptions): CampaignProvider {
  const { tenantId, ...common } = settings;
  switch (vendor) {
    case "altur":
      return createAltur(common);
    case "asisso":
      return createAsisso(common);
    case "convoso":
      return createConvoso(common);
    case "velip":
      return createVelip(common);
    case "voxo":
      return createVoxo(tenantId === undefined ? common : { ...common, tenantId });
  }
}
