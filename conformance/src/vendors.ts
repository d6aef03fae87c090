import { alturResponses, createAltur, createAlturClient } from "@campaignkit/altur";
import { createAsissoClient } from "@campaignkit/asisso";
import { createConvosoClient } from "@campaignkit/convoso";
import type {
  CampaignProvider,
  ProviderSettings,
  VendorClientSettings,
  VendorResponses,
} from "@campaignkit/core";
import { createVelipClient } from "@campaignkit/velip";
import { createVoxoClient } from "@campaignkit/voxo";

/** What the suites need of a vendor package. */
export interface ConformanceVendor {
  id: string;
  createClient(settings: VendorClientSettings): unknown;
  provider: {
    create(settings: ProviderSettings): CampaignProvider;
    responses: VendorResponses;
    /** A campaign id the spec's examples answer for. */
    sampleId: string;
  };
}

/** Every vendor package. The meta-tests fail when a package or a spec is missing here. */
export const VENDORS: readonly ConformanceVendor[] = [
  {
    id: "altur",
    createClient: createAlturClient,
    provider: { create: createAltur, responses: alturResponses, sampleId: "1234" },
  },
  { id: "asisso", createClient: createAsissoClient },
  { id: "convoso", createClient: createConvosoClient },
  { id: "velip", createClient: createVelipClient },
  { id: "voxo", createClient: createVoxoClient },
] as ConformanceVendor[];
