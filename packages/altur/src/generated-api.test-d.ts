// Type tests of the generated request types, checked by `pnpm typecheck` (tsc): the PATCH body
// the spec describes cannot carry Altur's immutable fields (400 IMMUTABLE_FIELD on the wire).
import type { components } from "./generated/altur-api.js";

type Update = components["schemas"]["UpdateCampaignRequest"];

export const allowed: Update = { name: "Q2", retries: 2, cycles: { cooldown_minutes: 60 } };

// @ts-expect-error: agent_id is immutable (400 IMMUTABLE_FIELD)
export const agent: Update = { agent_id: "agt_1" };
// @ts-expect-error: integration_id is immutable (400 IMMUTABLE_FIELD)
export const integration: Update = { integration_id: "int_1" };
// @ts-expect-error: integration_type is immutable (400 IMMUTABLE_FIELD)
export const integrationType: Update = { integration_type: "whatsapp" };
// @ts-expect-error: cycles.enabled is immutable (400 IMMUTABLE_FIELD)
export const cyclesEnabled: Update = { cycles: { enabled: true } };
// @ts-expect-error: cycles.mode is immutable (400 IMMUTABLE_FIELD)
export const cyclesMode: Update = { cycles: { mode: "scheduled" } };
