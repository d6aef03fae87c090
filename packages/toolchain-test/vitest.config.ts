import { defineConfig } from "vitest/config";

// Each test runs several npm and pnpm processes, seconds each on a loaded machine (no test
// asserts on their timing but the registry one, whose bound is the script's own timeout).
export default defineConfig({
  test: { testTimeout: 180_000, experimental: { diagnostics: false } },
});
