// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createVoxoClient } from "./index.js";

const client = createVoxoClient({ apiKey: "k" });
const path = { campaignId: 1 };

void client.PATCH("/admin/call-campaigns/{campaignId}", {
  params: { path },
  // @ts-expect-error: state is READY or PAUSED
  body: { state: "RUNNING" },
});

void client.PATCH("/admin/call-campaigns/{campaignId}", {
  params: { path },
  // @ts-expect-error: enableVMDetect is a string in requests
  body: { enableVMDetect: 1 },
});

// @ts-expect-error: the legacy list needs tenantId
void client.GET("/call-campaigns", { params: { query: {} } });
