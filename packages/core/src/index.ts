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
export { type BaseURLRules, normalizeBaseURL } from "./http/base-url.js";
export {
  createVendorClient,
  type FetchFunction,
  type VendorClientSettings,
  type VendorDescriptor,
} from "./http/create-vendor-client.js";
export { type CredentialPlacement, FORM_URLENCODED, withCredential } from "./http/credential.js";
export {
  type CredentialRefusal,
  type CredentialRefusalRule,
  refusedOn401,
  resetCredentialGuard,
  type VendorAnswer,
} from "./http/credential-guard.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./http/guarded-response.js";
export {
  type ClientHooks,
  type ErrorEvent,
  LOG_LEVELS,
  type Logger,
  type LogLevel,
  logLevelFromEnv,
  newRequestId,
  type RequestEvent,
  type ResponseEvent,
} from "./http/observability.js";
export { limiterFor, type RateLimit, RateLimiter } from "./http/rate-limiter.js";
export { REDACTED, redactSecrets } from "./http/redact-secrets.js";
export {
  backoffMs,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type RequestPolicy,
  retryAfterMs,
} from "./http/resilient-fetch.js";
export type { WithoutBodyField } from "./http/without-body-field.js";
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
  PATCH_FIELDS,
  type PatchField,
  parseCampaignPatch,
  patchValue,
} from "./model/campaign-patch.js";
export { isCalendarDate, isIanaTimeZone, toTimeOfDay } from "./model/formats.js";
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
  type VendorDecoderFacts,
  type VendorDefinition,
  type VendorDefinitionInit,
  type VendorPatch,
  type VendorProvider,
  type VendorReaders,
  type VendorSpecFacts,
  type VendorSteps,
  vendorDescriptor,
} from "./provider/define-vendor.js";
export { describeBounds, describeSupport } from "./provider/describe-support.js";
export {
  codeForHttpStatus,
  type VendorErrorFacts,
  vendorError,
} from "./provider/http-status-error.js";
export {
  checkCampaignId,
  checkedCampaign,
  checkWireTypes,
  expectObject,
  invalidResponse,
  markApplied,
  runSteps,
  type WireType,
  wireId,
} from "./provider/operation-helpers.js";
export { planSteps } from "./provider/plan.js";
export type {
  CallOptions,
  CampaignProvider,
  ListCampaignsQuery,
  PlannedRequest,
  ProviderSettings,
} from "./provider/provider.js";
export { type ProviderKit, type ProviderKitOptions, providerKit } from "./provider/provider-kit.js";
export {
  type AnyVendorClient,
  type ErrorDecoder,
  type RequestStep,
  sendStep,
  type VendorResponses,
} from "./provider/request-step.js";
export { checkRules, type RuleProblem, type SchemaRules } from "./provider/schema-rules.js";
export type { TypedStep } from "./provider/typed-step.js";
export {
  type VendorExtensionField,
  type VendorExtensionSpec,
  vendorFieldsIn,
  vendorFieldsOf,
} from "./provider/vendor-extension.js";
export {
  parseVendorSettings,
  requiredSetting,
  settingRule,
  type VendorSettingSpec,
  type VendorSettingsSchema,
  type VendorSettingValues,
} from "./provider/vendor-settings.js";
