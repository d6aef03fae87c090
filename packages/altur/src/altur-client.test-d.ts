// Type tests, checked by `pnpm typecheck` (tsc): misuse of the typed client must not compile.
import { createAlturClient } from "./index.js";

const client = createAlturClient({ apiKey: "k" });

// @ts-expect-error: "stop" is not one of the documented actions
void client.POST("/campaigns/{id}/{action}", { params: { path: { id: 1, action: "stop" } } });

// @ts-expect-error: `retries` is an integer, not a string
void client.PATCH("/campaigns/{id}", { params: { path: { id: 1 } }, body: { retries: "2" } });

// @ts-expect-error: there is no DELETE on a campaign
void client.DELETE("/campaigns/{id}", { params: { path: { id: 1 } } });
