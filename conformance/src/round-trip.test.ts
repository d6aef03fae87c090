import {
  type CallingHours,
  fieldsOf,
  PATCH_FIELDS,
  type PatchField,
  patchValue,
  rangesByWeekday,
} from "@campaignkit/core";
import { type Sandbox, type SandboxVendor, startSandbox } from "@campaignkit/sandbox";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_RUNS, supportedPatch } from "./patch-arbitraries.ts";
import { VENDORS } from "./vendors.ts";

const ROUND_TRIPS = FUZZ_RUNS;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ enforceRateLimits: false });
});
afterAll(() => sandbox?.close());

/** A field's value in a comparable form: calling hours as windows per weekday (daily ≡ seven equal days). */
function canonical(field: PatchField, value: unknown): unknown {
  return field === "schedule.callingHours" && value !== undefined
    ? rangesByWeekday(value as CallingHours)
    : value;
}

function readBack(campaign: object, field: PatchField): unknown {
  return canonical(field, patchValue(campaign as never, field));
}

for (const vendor of VENDORS) {
  const { capabilities } = vendor.provider.create({ apiKey: "unused" });
  if (PATCH_FIELDS.every((field) => !capabilities.patch[field].supported)) {
    // A vendor whose spec has no request that changes a campaign yet (a new vendor's skeleton).
    it(`${vendor.id}: changes nothing, so every patch is refused before any request`, async () => {
      const provider = vendor.provider.create({
        ...sandbox.vendors[vendor.id as SandboxVendor],
        maxRetries: 0,
      });
      await expect(
        provider.updateCampaign(vendor.provider.sampleId, { name: "x" }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED", field: "name" });
      expect(sandbox.requests(vendor.id as SandboxVendor)).toEqual([]);
    });
    continue;
  }
  describe(`${vendor.id}: generated patches round-trip through the sandbox`, () => {
    it(`${ROUND_TRIPS} patches inside the capabilities read back as written, where the vendor reports the field`, {
      timeout: 120_000,
    }, async () => {
      const provider = () =>
        vendor.provider.create({
          ...sandbox.vendors[vendor.id as SandboxVendor],
          rateLimit: false,
          maxRetries: 0,
        });
      const capabilities = provider().capabilities;
      // A campaign in a state every supported patch may change: the first paused one.
      sandbox.reset();
      let id: string | undefined;
      for await (const campaign of provider().listCampaigns({ status: "paused" })) {
        id = campaign.id;
        break;
      }
      if (id === undefined) throw new Error(`${vendor.id}: the sandbox has no paused campaign`);
      const target = id;
      let verified = 0;
      await fc.assert(
        fc.asyncProperty(supportedPatch(capabilities), async (patch) => {
          sandbox.reset();
          const updated = await provider().updateCampaign(target, patch as never);
          const read = await provider().getCampaign(target);
          for (const field of fieldsOf(patch as never)) {
            const written = canonical(field, patchValue(patch as never, field));
            const reported = readBack(read, field);
            if (reported === undefined) continue; // the vendor does not report this field back
            verified += 1;
            expect({ field, value: reported }).toEqual({ field, value: written });
            expect(readBack(updated, field)).toEqual(written);
          }
        }),
        { numRuns: ROUND_TRIPS },
      );
      expect(verified).toBeGreaterThan(0);
    });
  });
}
