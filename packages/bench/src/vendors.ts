import type { RegisteredVendor } from "@campaignkit/core";
import { collectScenarios, loadSpec } from "@campaignkit/sandbox";
import { VENDOR_REGISTRY, type VendorId } from "./generated/vendor-registry.ts";

export interface BenchVendor {
  id: VendorId;
  packageName: string;
  factory: string;
  definition: RegisteredVendor;
  /** The campaign id the spec's examples answer for (`x-campaignkit-vendor.sampleCampaignId`). */
  sampleId: string;
  /** The settings the spec's examples need (VOXO's tenant). */
  sampleSettings: Record<string, unknown>;
}

interface SampleFacts {
  sampleCampaignId?: { value?: unknown };
  sampleSettings?: { value?: Record<string, unknown> };
}

/** Every vendor of the workspace (the generated registry), loaded. */
export const VENDORS: readonly BenchVendor[] = await Promise.all(
  VENDOR_REGISTRY.map(async (entry) => {
    const facts = (loadSpec(entry.id).document["x-campaignkit-vendor"] ?? {}) as SampleFacts;
    return {
      id: entry.id,
      packageName: entry.packageName,
      factory: entry.factory,
      definition: await entry.load(),
      sampleId: String(facts.sampleCampaignId?.value),
      sampleSettings: facts.sampleSettings?.value ?? {},
    };
  }),
);

export { collectScenarios, loadSpec };
