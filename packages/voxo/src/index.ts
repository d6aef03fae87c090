export { toVoxoUpdateBody, toVoxoUpdateSteps } from "./convert-to-voxo-steps.js";
export type { components, operations, paths } from "./generated/voxo-api.js";
export { type VoxoPatchExtension, voxoExtension } from "./generated/voxo-extension.js";
export { mapVoxoCampaign, type VoxoCampaignWire } from "./map-voxo-campaign.js";
export { voxoCapabilities } from "./voxo-capabilities.js";
export {
  createVoxoClient,
  VOXO_DEFAULT_BASE_URL,
  type VoxoClient,
  type VoxoClientSettings,
  type VoxoPaths,
  voxoDescriptor,
} from "./voxo-client.js";
export { decodeVoxoError, VOXO_ERROR_CODES, voxoCredentialRefusal } from "./voxo-errors.js";
export {
  createVoxo,
  type VoxoProvider,
  type VoxoSettings,
  voxoSettings,
  voxoVendor,
} from "./voxo-provider.js";
export { voxoResponses } from "./voxo-responses.js";
