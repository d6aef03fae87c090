export {
  type LiveAction,
  type LiveOptions,
  possibleActions,
  startLiveActions,
} from "./live-actions.js";
export {
  type Fault,
  SANDBOX_API_KEYS,
  SANDBOX_VENDORS,
  SANDBOX_VOXO_TENANT_ID,
  type Sandbox,
  type SandboxEndpoint,
  type SandboxOptions,
  type SandboxRequestRecord,
  type SandboxVendor,
} from "./sandbox-types.js";
export {
  dereference,
  type Json,
  type JsonObject,
  type LoadedSpec,
  listSpecVendors,
  loadSpec,
  SPECS_DIR,
} from "./spec/load-spec.js";
export {
  collectScenarios,
  HTTP_METHODS,
  type HttpMethod,
  listOperations,
  type Operation,
  type Scenario,
  type ScenarioSet,
} from "./spec/scenarios.js";
export {
  checkRequestAgainstSpec,
  matchOperation,
  type SpecCheck,
  type WireRequest,
} from "./spec/spec-request-check.js";
export { SchemaValidator } from "./spec/validators.js";
export {
  type AuthCheck,
  authChecks,
  credentialFields,
  parseFormBody,
  parseQuery,
  requestSchema,
  serverOf,
  withoutFields,
} from "./spec/wire.js";
export { startSandbox } from "./start-sandbox.js";
export type { VelipLockoutState } from "./velip-lockout.js";
export { TERMINAL_ACTIONS, VENDOR_ACTIONS, type VendorAction } from "./vendor-actions.js";
