import type { CampaignProvider, ProviderCapabilities, ProviderSettings } from "@campaignkit/core";

/** Every vendor the CLI knows, in display order. */
export const VENDORS = ["altur", "asisso", "convoso", "velip", "voxo"] as const;
/** A vendor the CLI knows, one of `VENDORS`. */
export type VendorId = (typeof VENDORS)[number];

export function isVendor(value: unknown): value is VendorId {
  return typeof value === "string" && (VENDORS as readonly string[]).includes(value);
}

/** Each vendor's package, imported on first use only: `campaignkit --help` loads none. */
const VENDOR_MODULES = {
  altur: () => import("@campaignkit/altur"),
  asisso: () => import("@campaignkit/asisso"),
  convoso: () => import("@campaignkit/convoso"),
  velip: () => import("@campaignkit/velip"),
  voxo: () => import("@campaignkit/voxo"),
} as const satisfies Record<VendorId, () => Promise<unknown>>;

export type VendorModule<V extends VendorId> = Awaited<ReturnType<(typeof VENDOR_MODULES)[V]>>;

/** The vendor package's module, loaded on first call (the module loader keeps it). */
export function loadVendor<V extends VendorId>(vendor: V): Promise<VendorModule<V>> {
  return VENDOR_MODULES[vendor]() as Promise<VendorModule<V>>;
}

export interface ProviderOptions extends ProviderSettings {
  /** VOXO only: the tenant whose campaigns `list` reads. */
  tenantId?: number;
}

/** What the CLI uses of a vendor package. */
export interface VendorKit {
  vendor: VendorId;
  capabilities: ProviderCapabilities;
  createProvider(settings: ProviderOptions): CampaignProvider;
}

async function kitOf(vendor: VendorId): Promise<VendorKit> {
  switch (vendor) {
    case "altur": {
      const { alturCapabilities, createAltur } = await loadVendor(vendor);
      return { vendor, capabilities: alturCapabilities, createProvider: common(createAltur) };
    }
    case "asisso": {
      const { asissoCapabilities, createAsisso } = await loadVendor(vendor);
      return { vendor, capabilities: asissoCapabilities, createProvider: common(createAsisso) };
    }
    case "convoso": {
      const { convosoCapabilities, createConvoso } = await loadVendor(vendor);
      return { vendor, capabilities: convosoCapabilities, createProvider: common(createConvoso) };
    }
    case "velip": {
      const { velipCapabilities, createVelip } = await loadVendor(vendor);
      return { vendor, capabilities: velipCapabilities, createProvider: common(createVelip) };
    }
    case "voxo": {
      const { voxoCapabilities, createVoxo } = await loadVendor(vendor);
      return {
        vendor,
        capabilities: voxoCapabilities,
        createProvider: ({ tenantId, ...settings }) =>
          createVoxo(tenantId === undefined ? settings : { ...settings, tenantId }),
      };
    }
  }
}

/** A factory that takes the settings every vendor shares (VOXO's `tenantId` dropped). */
function common(create: (settings: ProviderSettings) => CampaignProvider) {
  return ({ tenantId: _tenantId, ...settings }: ProviderOptions) => create(settings);
}

const loaded = new Map<VendorId, VendorKit>();

/** The vendor's capabilities and provider factory, its package loaded on first use. */
export async function vendorKit(vendor: VendorId): Promise<VendorKit> {
  const known = loaded.get(vendor);
  if (known) return known;
  const kit = await kitOf(vendor);
  loaded.set(vendor, kit);
  return kit;
}

/** A kit already loaded by `vendorKit` (for code that must stay synchronous). */
export function loadedVendorKit(vendor: VendorId): VendorKit {
  const kit = loaded.get(vendor);
  if (!kit) throw new Error(`vendor ${vendor} used before vendorKit("${vendor}") loaded it`);
  return kit;
}

/** The capabilities of several vendors, their packages loaded in parallel. */
export async function capabilitiesOf(
  vendors: readonly VendorId[],
): Promise<Partial<Record<VendorId, ProviderCapabilities>>> {
  const kits = await Promise.all(vendors.map(vendorKit));
  return Object.fromEntries(kits.map((kit) => [kit.vendor, kit.capabilities]));
}
