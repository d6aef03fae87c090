// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createVoxoClient } from "./index.js";

const client = createVoxoClient({ apiKey: "k" });

// @ts-expect-error: state is READY or PAUSED
void client.PATCH("/admin/call-campaigns/{campaignId}", {
  params: { path: { campaignId: 1 } },
  body: { state: "RUNNING" },
});

// @ts-expect-error: enableVMDetect is a string in requests
void client.PATCH("/admin/call-campaigns/{campaignId}", {
  params: { path: { campaignId: 1 } },
  body: { enableVMDetect: 1 },
});

// @ts-expect-error: the legacy list needs tenantId
void client.GET("/call-campaigns", { params: { query: {} } });
