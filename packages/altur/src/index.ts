export { alturCapabilities } from "./altur-capabilities.js";
export {
  ALTUR_DEFAULT_BASE_URL,
  type AlturClient,
  type AlturClientSettings,
  type AlturPaths,
  alturDescriptor,
  createAlturClient,
} from "./altur-client.js";
export { ALTUR_ERROR_CODES, alturCredentialRefusal, decodeAlturError } from "./altur-errors.js";
export {
  type AlturProvider,
  type AlturSettings,
  alturVendor,
  createAltur,
} from "./altur-provider.js";
export { alturHasNextPage, alturResponses } from "./altur-responses.js";
export { toAlturUpdateBody, toAlturUpdateSteps } from "./convert-to-altur-steps.js";
export type { components, operations, paths } from "./generated/altur-api.js";
export { type AlturPatchExtension, alturExtension } from "./generated/altur-extension.js";
export { mapAlturCampaign } from "./map-altur-campaign.js";
