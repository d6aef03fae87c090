import { describeProviderSuite } from "./provider-suite.ts";
import { VENDORS } from "./vendors.ts";

for (const vendor of VENDORS) describeProviderSuite(vendor);
