import { createAlturClient } from "@campaignkit/altur";
import { createAsissoClient } from "@campaignkit/asisso";
import { createConvosoClient } from "@campaignkit/convoso";
import type { VendorClientSettings } from "@campaignkit/core";
import { createVelipClient } from "@campaignkit/velip";
import { createVoxoClient } from "@campaignkit/voxo";

/** What the suite needs of a vendor package: its client factory. */
export interface ConformanceVendor {
  id: string;
  createClient(settings: VendorClientSettings): unknown;
}

/** Every vendor package. The meta-test fails when a package or a spec is missing here. */
export const VENDORS: readonly ConformanceVendor[] = [
  { id: "altur", createClient: createAlturClient },
  { id: "asisso", createClient: createAsissoClient },
  { id: "convoso", createClient: createConvosoClient },
  { id: "velip", createClient: createVelipClient },
  { id: "voxo", createClient: createVoxoClient },
];
