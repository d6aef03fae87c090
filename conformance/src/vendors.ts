import type {
  CampaignProvider,
  ProviderSettings,
  RequestStep,
  VendorClientSettings,
  VendorExtensionSpec,
  VendorResponses,
} from "@campaignkit/core";
import { VENDOR_REGISTRY } from "./generated/vendor-registry.ts";
import { loadSpec } from "./specs.ts";

/** What the suites need of a vendor package. */
export interface ConformanceVendor {
  id: string;
  createClient(settings: VendorClientSettings): unknown;
  /** The vendor's list request with the spec's sample settings, to send with the typed client alone. */
  listStep: RequestStep;
  provider: {
    create(settings: ProviderSettings): CampaignProvider;
    responses: VendorResponses;
    /** The vendor's own documented fields beyond the normalized patch (`patch.vendor.<id>`). */
    extension: VendorExtensionSpec;
    /** A campaign id the spec's examples answer for (`x-campaignkit-vendor.sampleCampaignId`). */
    sampleId: string;
  };
}

interface SampleFacts {
  sampleCampaignId?: { value?: unknown };
  sampleSettings?: { value?: Record<string, unknown> };
}

/** The test facts a spec states beside its examples. */
function samplesOf(vendor: string): { id: string; settings: Record<string, unknown> } {
  const facts = (loadSpec(vendor).document["x-campaignkit-vendor"] ?? {}) as SampleFacts;
  const id = facts.sampleCampaignId?.value;
  if (typeof id !== "string") {
    throw new Error(
      `specs/${vendor}.openapi.yaml: x-campaignkit-vendor.sampleCampaignId.value is missing`,
    );
  }
  return { id, settings: facts.sampleSettings?.value ?? {} };
}

/**
 * Every vendor package of the workspace, from the generated registry. The meta-tests fail when
 * a package or a spec is missing.
 */
export const VENDORS: readonly ConformanceVendor[] = await Promise.all(
  VENDOR_REGISTRY.map(async (entry): Promise<ConformanceVendor> => {
    const vendor = await entry.load();
    const sample = samplesOf(entry.id);
    return {
      id: entry.id,
      createClient: (settings) => vendor.createClient(settings),
      listStep: vendor.steps.list(sample.settings),
      provider: {
        // The spec's sample settings (VOXO's tenant of the list example) come first, so a test may override them.
        create: (settings) => vendor.create({ ...sample.settings, ...settings }),
        responses: vendor.responses,
        extension: vendor.extension,
        sampleId: sample.id,
      },
    };
  }),
);
