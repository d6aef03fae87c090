import { defineConfig } from "vitest/config";

// Some tests start servers or child processes; on a loaded machine they need more than the
// default 5 s (no test asserts on timing).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
