// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createConvosoClient } from "./index.js";

const client = createConvosoClient({ apiKey: "k" });

// The client adds auth_token itself: a caller does not pass it.
void client.POST("/campaigns/status", { body: { campaign_id: "1", status: true } });

// @ts-expect-error: status is a boolean, not "Y"
void client.POST("/campaigns/status", { body: { campaign_id: "1", status: "Y" } });

// @ts-expect-error: campaign_id is required
void client.POST("/campaigns/status", { body: { status: true } });
