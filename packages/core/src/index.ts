export {
  CAMPAIGNKIT_ERROR_CODES,
  CampaignkitError,
  type CampaignkitErrorCode,
  type CampaignkitErrorInit,
  isCampaignkitError,
  validationError,
} from "./errors.js";
export { type BaseURLRules, normalizeBaseURL } from "./http/base-url.js";
export {
  createVendorClient,
  type FetchFunction,
  type VendorClientSettings,
  type VendorDescriptor,
} from "./http/create-vendor-client.js";
export { type CredentialPlacement, FORM_URLENCODED, withCredential } from "./http/credential.js";
export type { WithoutBodyField } from "./http/without-body-field.js";
