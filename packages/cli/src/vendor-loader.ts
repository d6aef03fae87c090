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

/** How each package's module gives what the CLI uses. */
const ADAPTERS: { [V in VendorId]: (module: VendorModule<V>) => Omit<VendorKit, "vendor"> } = {
  altur: (m) => ({ capabilities: m.alturCapabilities, createProvider: common(m.createAltur) }),
  asisso: (m) => ({ capabilities: m.asissoCapabilities, createProvider: common(m.createAsisso) }),
  convoso: (m) => ({
    capabilities: m.convosoCapabilities,
    createProvider: common(m.createConvoso),
  }),
  velip: (m) => ({ capabilities: m.velipCapabilities, createProvider: common(m.createVelip) }),
  voxo: (m) => ({
    capabilities: m.voxoCapabilities,
    createProvider: ({ tenantId, ...settings }) =>
      m.createVoxo(tenantId === undefined ? settings : { ...settings, tenantId }),
  }),
};

/** A factory that takes the settings every vendor shares (VOXO's `tenantId` dropped). */
function common(create: (settings: ProviderSettings) => CampaignProvider) {
  return ({ tenantId: _tenantId, ...settings }: ProviderOptions) => create(settings);
}

const loaded = new Map<VendorId, VendorKit>();

/** The kit of a package module already at hand (remembered for `loadedVendorKit`). */
export function kitFrom<V extends VendorId>(vendor: V, module: VendorModule<V>): VendorKit {
  const adapt = ADAPTERS[vendor] as (module: VendorModule<V>) => Omit<VendorKit, "vendor">;
  const kit: VendorKit = { vendor, ...adapt(module) };
  loaded.set(vendor, kit);
  return kit;
}

/** The vendor's capabilities and provider factory, its package loaded on first use. */
export async function vendorKit(vendor: VendorId): Promise<VendorKit> {
  return loaded.get(vendor) ?? kitFrom(vendor, await loadVendor(vendor));
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
