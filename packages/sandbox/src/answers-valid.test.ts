import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SANDBOX_VENDORS } from "./index.js";

// Each simulator checks its answers against its spec beside it, in simulate-<vendor>.test.ts
// (test-support/answers-valid.ts); this makes sure none is left out.
describe("answers valid against the specs", () => {
  it.each(SANDBOX_VENDORS)("simulate-%s.test.ts checks every answer of its simulator", (vendor) => {
    const test = readFileSync(join(import.meta.dirname, `simulate-${vendor}.test.ts`), "utf8");
    expect(test).toContain(`describeAnswersValid("${vendor}",`);
  });
});
