import { defineConfig } from "vitest/config";

// Some tests start servers or child processes; on a loaded machine they need more than the
// default 5 s (no test asserts on timing). No after-run performance hints: `pnpm test` stays
// free of notices, and test isolation here is a choice, not an oversight.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000, experimental: { diagnostics: false } },
});
