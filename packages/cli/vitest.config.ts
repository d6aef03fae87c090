import { defineConfig } from "vitest/config";

// The integration tests spawn the real binary against a sandbox: give them time (no test
// asserts on timing).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // No after-run performance hints: `pnpm test` stays free of notices.
    experimental: { diagnostics: false },
  },
});
