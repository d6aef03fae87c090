export {
  type ConvosoStatusBody,
  toConvosoStatusBody,
  toConvosoUpdateSteps,
} from "./convert-to-convoso-steps.js";
export { convosoCapabilities } from "./convoso-capabilities.js";
export {
  CONVOSO_DEFAULT_BASE_URL,
  type ConvosoClient,
  type ConvosoClientSettings,
  type ConvosoPaths,
  convosoDescriptor,
  createConvosoClient,
} from "./convoso-client.js";
export {
  CONVOSO_ERROR_CODES,
  CONVOSO_ERROR_MESSAGES,
  convosoCredentialRefusal,
  decodeConvosoError,
} from "./convoso-errors.js";
export {
  type ConvosoProvider,
  type ConvosoSettings,
  convosoVendor,
  createConvoso,
} from "./convoso-provider.js";
export { campaignFromSearch, campaignsFromSearch, convosoResponses } from "./convoso-responses.js";
export type { components, operations, paths } from "./generated/convoso-api.js";
export { type ConvosoPatchExtension, convosoExtension } from "./generated/convoso-extension.js";
export { mapConvosoCampaign } from "./map-convoso-campaign.js";
