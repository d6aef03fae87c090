// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createAsissoClient } from "./index.js";

const client = createAsissoClient({ apiKey: "k" });

// @ts-expect-error: campaign_id is an integer
void client.PATCH("/campaign/{campaign_id}", { params: { path: { campaign_id: "5" } }, body: {} });

// @ts-expect-error: there is no stop action
void client.POST("/campaign/{campaign_id}/stop", { params: { path: { campaign_id: 5 } } });
