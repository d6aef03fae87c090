export { asissoCapabilities } from "./asisso-capabilities.js";
export {
  ASISSO_DEFAULT_BASE_URL,
  type AsissoClient,
  type AsissoClientSettings,
  type AsissoPaths,
  asissoDescriptor,
  createAsissoClient,
} from "./asisso-client.js";
export { ASISSO_ERROR_CODES, asissoCredentialRefusal, decodeAsissoError } from "./asisso-errors.js";
export {
  type AsissoProvider,
  type AsissoSettings,
  asissoVendor,
  createAsisso,
} from "./asisso-provider.js";
export { asissoResponses } from "./asisso-responses.js";
export {
  toAsissoSlots,
  toAsissoUpdateBody,
  toAsissoUpdateSteps,
} from "./convert-to-asisso-steps.js";
export type { components, operations, paths } from "./generated/asisso-api.js";
export { type AsissoPatchExtension, asissoExtension } from "./generated/asisso-extension.js";
export { mapAsissoCampaign } from "./map-asisso-campaign.js";
