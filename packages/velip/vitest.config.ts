import { defineConfig } from "vitest/config";

// No after-run performance hints (isolate, imports, transforms): `pnpm test` stays free of
// notices, and test isolation here is a choice, not an oversight.
export default defineConfig({
  test: { experimental: { diagnostics: false } },
});
