import { alturResponses, createAltur, createAlturClient } from "@campaignkit/altur";
import { asissoResponses, createAsisso, createAsissoClient } from "@campaignkit/asisso";
import { convosoResponses, createConvoso, createConvosoClient } from "@campaignkit/convoso";
import type {
  CampaignProvider,
  ProviderSettings,
  VendorClientSettings,
  VendorResponses,
} from "@campaignkit/core";
import { createVelip, createVelipClient, velipResponses } from "@campaignkit/velip";
import { createVoxo, createVoxoClient, voxoResponses } from "@campaignkit/voxo";

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
  {
    id: "asisso",
    createClient: createAsissoClient,
    provider: { create: createAsisso, responses: asissoResponses, sampleId: "123" },
  },
  {
    id: "convoso",
    createClient: createConvosoClient,
    provider: { create: createConvoso, responses: convosoResponses, sampleId: "111" },
  },
  {
    id: "velip",
    createClient: createVelipClient,
    provider: { create: createVelip, responses: velipResponses, sampleId: "987654" },
  },
  {
    id: "voxo",
    createClient: createVoxoClient,
    // The legacy list needs the tenant; 42 is the tenant of the spec's list example.
    provider: {
      create: (settings) => createVoxo({ ...settings, tenantId: 42 }),
      responses: voxoResponses,
      sampleId: "123",
    },
  },
];
