// Type tests of the generated request types, checked by `pnpm typecheck` (tsc).
import type { components } from "./generated/velip-api.js";

type Change = components["schemas"]["ChangeCampaignRequest"];

// The update of 2026-12-01's ChangeCampaign fields, writable through the typed client.
export const limitAndGroup: Change = { cp_id: 1, max_answered: 100, group: 0 };
// The credential is added by the client (Bearer): the generated type leaves `tsid` optional.
export const withoutToken: Change = { cp_id: 1, active: 0 };
// @ts-expect-error: max_answered is an integer
export const textLimit: Change = { cp_id: 1, max_answered: "100" };
// @ts-expect-error: group is an integer group id
export const textGroup: Change = { cp_id: 1, group: "sales" };
