// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createVelipClient } from "./index.js";

const client = createVelipClient({ apiKey: "k" });

// @ts-expect-error: cp_id is required
void client.POST("/ChangeCampaign.php", { body: { active: 1 } });

// @ts-expect-error: active is 0 or 1
void client.POST("/ChangeCampaign.php", { body: { cp_id: 1, active: 2 } });

// @ts-expect-error: Velip endpoints are POST only
void client.GET("/GetCampaignsList.php", {});
