import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { collectScenarios } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVendorHarness, type VendorHarness } from "./replay.ts";
import { listSpecVendors, loadSpec, SPECS_DIR } from "./specs.ts";
import { VENDORS } from "./vendors.ts";

const replayed = new Set<string>();
const keyOf = (vendor: string, operationId: string, name: string) =>
  `${vendor}/${operationId}/${name}`;

for (const vendor of VENDORS) {
  describe(`${vendor.id}: documented examples replayed through the typed client`, () => {
    let harness: VendorHarness;
    beforeAll(async () => {
      harness = await startVendorHarness(vendor);
    });
    afterAll(() => harness?.close());

    const { scenarios } = collectScenarios(loadSpec(vendor.id));
    it.each(
      scenarios.map((s) => [`${s.operationId} / ${s.name} → ${s.response.status}`, s] as const),
    )("%s", async (_, scenario) => {
      const outcome = await harness.replay(scenario);
      expect(outcome.problems).toEqual([]);
      replayed.add(keyOf(vendor.id, scenario.operationId, scenario.name));
    });
  });
}

describe("coverage of the conformance suite", () => {
  it("runs every vendor package and every spec", () => {
    const packages = readdirSync(join(SPECS_DIR, "..", "packages"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      // A vendor package holds a client generated from its spec (other packages may generate
      // other files, such as the CLI's version).
      .filter((name) => {
        const generated = join(SPECS_DIR, "..", "packages", name, "src", "generated");
        return existsSync(generated) && readdirSync(generated).includes(`${name}-api.ts`);
      });
    const registered = VENDORS.map((v) => v.id).sort();
    expect(registered).toEqual(listSpecVendors());
    expect(registered).toEqual(packages.sort());
  });

  it.each(listSpecVendors())("pairs every example of %s into a scenario", (vendor) => {
    const set = collectScenarios(loadSpec(vendor));
    expect(set.problems).toEqual([]);
    expect(set.scenarios).toHaveLength(set.responseExampleCount);
    const withoutScenario = set.operations
      .filter((op) => !set.scenarios.some((s) => s.operationId === op.operationId))
      .map((op) => op.operationId);
    expect(withoutScenario).toEqual([]);
  });

  it("replayed every scenario of every spec (runs last)", () => {
    const expected = listSpecVendors().flatMap((vendor) =>
      collectScenarios(loadSpec(vendor)).scenarios.map((s) => keyOf(vendor, s.operationId, s.name)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...replayed].sort()).toEqual(expected.sort());
  });
});
