/**
 * `@campaignkit/core/internal`: what vendor packages are built with (the shared HTTP layer, the
 * step sender and planner, the provider kit, the response and error helpers). It is for the
 * campaignkit vendor packages; it carries **no semver promise**: any release may change it.
 * Users import `@campaignkit/core` (the model, errors, provider contract and settings).
 *
 * @module internal
 */
export { type BaseURLRules, normalizeBaseURL } from "./http/base-url.js";
export { createVendorClient } from "./http/create-vendor-client.js";
export { type CredentialPlacement, FORM_URLENCODED, withCredential } from "./http/credential.js";
export {
  type CredentialRefusalRule,
  refusedOn401,
  type VendorAnswer,
} from "./http/credential-guard.js";
export { logLevelFromEnv } from "./http/observability.js";
export { limiterFor, RateLimiter } from "./http/rate-limiter.js";
export { backoffMs, type RequestPolicy, retryAfterMs } from "./http/resilient-fetch.js";
export type { WithoutBodyField } from "./http/without-body-field.js";
export { isCalendarDate, isIanaTimeZone, toTimeOfDay } from "./model/formats.js";
export {
  type VendorDecoderFacts,
  type VendorSpecFacts,
  vendorDescriptor,
} from "./provider/define-vendor.js";
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
export { planSteps, stepPlanner } from "./provider/plan.js";
export { type ProviderKit, type ProviderKitOptions, providerKit } from "./provider/provider-kit.js";
export { type AnyVendorClient, sendStep } from "./provider/request-step.js";
export { checkRules, type RuleProblem } from "./provider/schema-rules.js";
export { vendorFieldsIn, vendorFieldsOf } from "./provider/vendor-extension.js";
export { parseVendorSettings, requiredSetting, settingRule } from "./provider/vendor-settings.js";
