import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CampaignkitError, fieldsOf, PATCH_FIELDS, type PatchField } from "@campaignkit/core";
import { collectScenarios, SchemaValidator } from "@campaignkit/sandbox";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { anyPatch, FUZZ_RUNS, obviouslyInvalid, supportedPatch } from "./patch-arbitraries.ts";
import { specResponder } from "./spec-responder.ts";
import { loadSpec } from "./specs.ts";
import {
  anyVendorFields,
  validVendorFields,
  withVendorFields,
} from "./vendor-field-arbitraries.ts";
import { VENDORS } from "./vendors.ts";

const API_KEY = "ck-canary-fuzz-key-0001";
const tally: Record<string, { tried: number; refused: number; sent: number; requests: number }> =
  {};

afterAll(() => {
  const dir = join(import.meta.dirname, "..", "report");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "fuzz.json"),
    `${JSON.stringify({ runsPerVendor: FUZZ_RUNS, vendors: tally }, null, 2)}\n`,
  );
});

for (const vendor of VENDORS) {
  describe(`${vendor.id}: ${FUZZ_RUNS} generated patches`, () => {
    const spec = loadSpec(vendor.id);
    const { operations } = collectScenarios(spec);
    const validator = new SchemaValidator();
    const counts = { tried: 0, refused: 0, sent: 0, requests: 0 };
    const capabilities = vendor.provider.create({ apiKey: API_KEY }).capabilities;
    tally[vendor.id] = counts;
    /** A provider answered by a fresh spec responder, with nothing between them (no retries, no limiter). */
    const fresh = () => {
      const responder = specResponder(
        spec,
        operations,
        validator,
        API_KEY,
        vendor.provider.responses,
      );
      const provider = vendor.provider.create({
        apiKey: API_KEY,
        fetch: responder.fetch,
        maxRetries: 0,
        rateLimit: false,
      });
      return { responder, provider };
    };

    // A vendor whose spec has no request that changes a campaign yet (a new vendor's skeleton).
    const changesNothing = PATCH_FIELDS.every((field) => !capabilities.patch[field].supported);

    it("refuses every invalid patch before any request, and sends only spec-valid requests for the rest", async () => {
      const patches = changesNothing ? anyPatch : fc.oneof(anyPatch, supportedPatch(capabilities));
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(
              patches, // A third none, a third valid, a third careless: refusals never crowd out what is sent.
              fc.oneof(
                fc.constant(undefined),
                validVendorFields(vendor.provider.extension),
                anyVendorFields(vendor.provider.extension),
              ),
            )
            .map(([patch, own]) => withVendorFields(vendor.id, patch, own)),
          async (patch) => {
            const { responder, provider } = fresh();
            counts.tried += 1;
            let error: CampaignkitError | undefined;
            try {
              await provider.updateCampaign(vendor.provider.sampleId, patch as never);
            } catch (caught) {
              error = caught as CampaignkitError;
            }
            if (error) {
              counts.refused += 1;
              expect(["VALIDATION", "UNSUPPORTED"]).toContain(error.code);
              expect(error.field ?? "").not.toBe("");
              expect(responder.requests).toEqual([]);
              expect(String(error.message)).not.toContain(API_KEY);
              return;
            }
            counts.sent += 1;
            counts.requests += responder.requests.length;
            expect(obviouslyInvalid(patch)).toBeUndefined();
            const set = fieldsOf(patch as never) as PatchField[];
            expect(set.filter((field) => !provider.capabilities.patch[field].supported)).toEqual(
              [],
            );
            expect(responder.requests.length).toBeGreaterThan(0);
            expect(responder.requests.flatMap((r) => r.problems)).toEqual([]);
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
      expect(counts.refused).toBeGreaterThan(0);
      if (changesNothing) expect(counts.sent).toBe(0);
      else expect(counts.sent).toBeGreaterThan(0);
    }, 120_000);

    if (changesNothing) return;
    it("accepts every patch inside its declared capabilities, and plans exactly what it sends", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(supportedPatch(capabilities), validVendorFields(vendor.provider.extension))
            .map(([patch, own]) => withVendorFields(vendor.id, patch, own)),
          async (patch) => {
            const { responder, provider } = fresh();
            const plan = await provider.planUpdate(vendor.provider.sampleId, patch as never);
            await provider.updateCampaign(vendor.provider.sampleId, patch as never);
            expect(responder.requests.flatMap((r) => r.problems)).toEqual([]);
            expect(responder.requests.map((r) => `${r.method} ${r.url}`)).toEqual(
              plan.map((p) => `${p.method} ${p.url}`),
            );
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    }, 120_000);
  });
}
