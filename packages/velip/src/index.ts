export { toVelipChangeBody, toVelipUpdateSteps } from "./convert-to-velip-steps.js";
export type { components, operations, paths } from "./generated/velip-api.js";
export { type VelipPatchExtension, velipExtension } from "./generated/velip-extension.js";
export { mapVelipCampaign } from "./map-velip-campaign.js";
export { velipCapabilities } from "./velip-capabilities.js";
export {
  createVelipClient,
  VELIP_DEFAULT_BASE_URL,
  type VelipClient,
  type VelipClientSettings,
  type VelipPaths,
  velipDescriptor,
} from "./velip-client.js";
export {
  decodeVelipError,
  isVelipNoChange,
  VELIP_ERROR_CODES,
  VELIP_NO_CHANGE,
  velipCredentialRefusal,
} from "./velip-errors.js";
export {
  createVelip,
  type VelipProvider,
  type VelipSettings,
  velipVendor,
} from "./velip-provider.js";
export { VELIP_MAX_REG, velipListMayBeTruncated, velipResponses } from "./velip-responses.js";
