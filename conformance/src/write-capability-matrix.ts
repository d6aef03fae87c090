// `pnpm readme:capabilities`: rewrites the capability matrix in the root README from the
// providers' declared capabilities.
import { renderCapabilityMatrix, writeReadmeMatrix } from "./capability-matrix.ts";
import { VENDORS } from "./vendors.ts";

const providers = VENDORS.map((v) => ({
  id: v.id,
  capabilities: v.provider.create({ apiKey: "unused" }).capabilities,
  extension: v.provider.extension,
}));
writeReadmeMatrix(renderCapabilityMatrix(providers));
console.log(`README.md capability matrix written for ${providers.map((p) => p.id).join(", ")}`);
