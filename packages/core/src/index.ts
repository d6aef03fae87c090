/**
 * `@campaignkit/core`: the normalized campaign model and its schemas, `CampaignkitError`, the
 * provider contract and capabilities, the settings every client takes, and `defineVendor` with
 * the types a vendor definition's users see. What vendor packages are built with is in
 * `@campaignkit/core/internal` (no semver promise).
 *
 * @module index
 */
export {
  AuthenticationError,
  CAMPAIGNKIT_ERROR_CODES,
  CampaignkitError,
  type CampaignkitErrorCode,
  type CampaignkitErrorInit,
  ConflictError,
  ConnectionError,
  InvalidInputError,
  isCampaignkitError,
  isCredentialRefusal,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  validationError,
} from "./errors.js";
export type {
  FetchFunction,
  VendorClientSettings,
  VendorDescriptor,
} from "./http/create-vendor-client.js";
export {
  type CredentialRefusal,
  resetCredentialGuard,
} from "./http/credential-guard.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./http/guarded-response.js";
export {
  type ClientHooks,
  type ErrorEvent,
  LOG_LEVELS,
  type Logger,
  type LogLevel,
  newRequestId,
  type RequestEvent,
  type ResponseEvent,
} from "./http/observability.js";
export type { RateLimit } from "./http/rate-limiter.js";
export { REDACTED, redactSecrets } from "./http/redact-secrets.js";
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./http/resilient-fetch.js";
export { callingHoursFrom, rangesByWeekday, sameWindowEveryDay } from "./model/calling-hours.js";
export {
  CAMPAIGN_STATUSES,
  type CallingHours,
  CallingHoursSchema,
  type Campaign,
  CampaignSchema,
  type CampaignStatus,
  type Pacing,
  type Redial,
  type Stats,
  type StatusReason,
  StatusReasonSchema,
  type TimeRange,
  WEEKDAYS,
  type Weekday,
} from "./model/campaign.js";
export {
  type CampaignPatch,
  CampaignPatchSchema,
  type FieldProblem,
  fieldsOf,
  PATCH_FIELD_METADATA,
  PATCH_FIELDS,
  PATCH_STATUSES,
  type PatchField,
  type PatchFieldMetadata,
  type PatchValueKind,
  parseCampaignPatch,
  patchFieldMetadata,
  patchValue,
} from "./model/campaign-patch.js";
export {
  type CallingHoursSupport,
  checkOperationSupported,
  checkPatchSupported,
  type Evidence,
  type FieldSupport,
  type OperationSupport,
  PROVIDER_OPERATIONS,
  type ProviderCapabilities,
  type ProviderOperation,
} from "./provider/capabilities.js";
export {
  defineVendor,
  type RegisteredSteps,
  type RegisteredVendor,
  type VendorDefinition,
  type VendorDefinitionInit,
  type VendorPatch,
  type VendorProvider,
  type VendorReaders,
  type VendorSteps,
} from "./provider/define-vendor.js";
export { describeBounds, describeSupport } from "./provider/describe-support.js";
export type {
  CallOptions,
  CampaignProvider,
  ListCampaignsQuery,
  PlannedRequest,
  ProviderSettings,
} from "./provider/provider.js";
export type { ErrorDecoder, RequestStep, VendorResponses } from "./provider/request-step.js";
export type { SchemaRules } from "./provider/schema-rules.js";
export type { TypedStep } from "./provider/typed-step.js";
export type { VendorExtensionField, VendorExtensionSpec } from "./provider/vendor-extension.js";
export type {
  VendorSettingSpec,
  VendorSettingsSchema,
  VendorSettingValues,
} from "./provider/vendor-settings.js";
