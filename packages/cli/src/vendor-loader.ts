import type {
  CampaignProvider,
  ProviderCapabilities,
  RegisteredVendor,
  VendorSettingsSchema,
} from "@campaignkit/core";
import { VENDOR_IDS, VENDOR_REGISTRY, type VendorId } from "./generated/vendor-registry.js";

export type { VendorId };

/** Every vendor the CLI knows, in display order (from the generated registry: nothing loaded). */
export const VENDORS: readonly VendorId[] = VENDOR_IDS;

export function isVendor(value: unknown): value is VendorId {
  return typeof value === "string" && (VENDORS as readonly string[]).includes(value);
}

/** The extra settings a vendor's definition declares (VOXO's `tenantId`): a static fact of the registry. */
export function settingsOf(vendor: VendorId): VendorSettingsSchema {
  return VENDOR_REGISTRY.find((entry) => entry.id === vendor)?.settings ?? {};
}

const loaded = new Map<VendorId, RegisteredVendor>();

/**
 * Loads a vendor's package on first use (the module loader keeps it): `campaignkit --help` loads
 * none, and a command loads only those it works with.
 */
export async function loadVendor(vendor: VendorId): Promise<RegisteredVendor> {
  const known = loaded.get(vendor);
  if (known) return known;
  const entry = VENDOR_REGISTRY.find((candidate) => candidate.id === vendor);
  if (!entry) throw new TypeError(`unknown vendor ${JSON.stringify(vendor)}`);
  const definition = await entry.load();
  loaded.set(vendor, definition);
  return definition;
}

/** Loads several vendors in parallel (every one by default: `apply` and `watch` may touch any). */
export async function loadVendors(vendors: readonly VendorId[] = VENDORS): Promise<void> {
  await Promise.all(vendors.map(loadVendor));
}

/** A vendor loaded by `loadVendor` before (for code that must stay synchronous). */
export function loadedVendor(vendor: VendorId): RegisteredVendor {
  const definition = loaded.get(vendor);
  if (!definition)
    throw new Error(`vendor ${vendor} used before loadVendor("${vendor}") loaded it`);
  return definition;
}

/** A loaded vendor's capabilities, as its package declares them (no credentials needed). */
export function capabilitiesOf(vendor: VendorId): ProviderCapabilities {
  return loadedVendor(vendor).capabilities;
}

/** The loaded vendor's provider: the common settings plus those its definition declares. */
export function createProvider(
  vendor: VendorId,
  settings: Parameters<RegisteredVendor["create"]>[0],
): CampaignProvider {
  return loadedVendor(vendor).create(settings);
}
