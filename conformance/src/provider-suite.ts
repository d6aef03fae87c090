import {
  type CampaignPatch,
  type CampaignProvider,
  CampaignSchema,
  type FieldSupport,
  PATCH_FIELDS,
  type PatchField,
  PROVIDER_OPERATIONS,
  type ProviderOperation,
  REDACTED,
} from "@campaignkit/core";
import { collectScenarios, SchemaValidator } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { specResponder } from "./spec-responder.ts";
import { loadSpec } from "./specs.ts";
import type { ConformanceVendor } from "./vendors.ts";

const API_KEY = "ck-canary-provider-suite-0001";

/** A value for `field` inside the vendor's declared bounds. */
export function sampleValue(field: PatchField, support: FieldSupport): unknown {
  const within = (n: number) => Math.min(Math.max(n, support.min ?? n), support.max ?? n);
  switch (field) {
    case "name":
      return "Spring Campaign".slice(0, support.maxLength ?? 100);
    case "status":
      return "paused";
    case "schedule.timezone":
      return "Europe/Lisbon";
    case "schedule.startDate":
      return "2026-05-08";
    case "schedule.endDate":
      return "2026-05-31";
    case "schedule.callingHours":
      return support.callingHours?.daily === false
        ? { weekly: { mon: [{ start: "09:00", end: "17:00" }] } }
        : { daily: { start: "09:00", end: "17:00" } };
    case "pacing.callsPerMinute":
      return within(20);
    case "pacing.maxConcurrentCalls":
      return within(10);
    case "pacing.maxConcurrentTransfers":
      return within(2);
    case "redial.maxRetries":
      return within(2);
    case "redial.delaySeconds":
      return within(120);
    default:
      return true;
  }
}

function set(
  patch: Record<string, Record<string, unknown> | unknown>,
  field: PatchField,
  value: unknown,
) {
  const [group, key] = field.split(".") as [string, string | undefined];
  if (key === undefined) patch[group] = value;
  else patch[group] = { ...(patch[group] as object | undefined), [key]: value };
}

/** A patch that sets `field` (and the fields the vendor requires with it) to `value`. */
export function patchSetting(
  provider: CampaignProvider,
  field: PatchField,
  value: unknown,
): CampaignPatch {
  const patch: Record<string, unknown> = {};
  for (const required of provider.capabilities.patch[field].requires ?? []) {
    set(patch, required, sampleValue(required, provider.capabilities.patch[required]));
  }
  set(patch, field, value);
  return patch as CampaignPatch;
}

async function outcome(run: () => Promise<unknown>) {
  try {
    return { value: await run(), error: undefined };
  } catch (error) {
    return { value: undefined, error: error as { code?: string; field?: string } };
  }
}

/**
 * The one suite every provider runs (like unstorage's `testDriver`): its cases come from the
 * provider's declared capabilities, so a provider cannot skip a case it claims to support.
 * Requests go to a spec-driven responder that checks each one against the vendor's spec.
 */
export function describeProviderSuite(vendor: ConformanceVendor): void {
  const { provider: definition } = vendor;
  describe(`${vendor.id} provider: the shared suite, by its declared capabilities`, () => {
    const spec = loadSpec(vendor.id);
    const { operations } = collectScenarios(spec);
    const validator = new SchemaValidator();
    const setup = () => {
      const responder = specResponder(spec, operations, validator, API_KEY, definition.responses);
      const provider = definition.create({
        apiKey: API_KEY,
        fetch: responder.fetch,
        maxRetries: 0,
      });
      return { provider, requests: responder.requests };
    };
    const { capabilities } = setup().provider;
    const id = definition.sampleId;

    it("declares every operation and every patch field", () => {
      expect(Object.keys(capabilities.operations).sort()).toEqual([...PROVIDER_OPERATIONS].sort());
      expect(Object.keys(capabilities.patch).sort()).toEqual([...PATCH_FIELDS].sort());
    });

    const run: Record<ProviderOperation, (provider: CampaignProvider) => Promise<unknown>> = {
      getCampaign: (p) => p.getCampaign(id),
      listCampaigns: async (p) => {
        const all = [];
        for await (const campaign of p.listCampaigns()) all.push(campaign);
        return all;
      },
      updateCampaign: (p) => p.updateCampaign(id, { name: "x" }),
      pauseCampaign: (p) => p.pauseCampaign(id),
      resumeCampaign: (p) => p.resumeCampaign(id),
    };

    for (const operation of PROVIDER_OPERATIONS) {
      if (operation === "updateCampaign") continue; // covered field by field below
      if (capabilities.operations[operation].supported) {
        it(`${operation}: sends only requests the spec allows`, async () => {
          const { provider, requests } = setup();
          const result = await run[operation](provider);
          expect(requests.length).toBeGreaterThan(0);
          expect(requests.flatMap((r) => r.problems)).toEqual([]);
          const campaigns =
            operation === "listCampaigns"
              ? (result as unknown[])
              : operation === "getCampaign"
                ? [result]
                : [];
          if (operation === "listCampaigns") expect(campaigns.length).toBeGreaterThan(0);
          for (const campaign of campaigns) {
            expect(CampaignSchema.safeParse(campaign).success).toBe(true);
            expect(campaign).toMatchObject({ vendor: vendor.id });
          }
        });
      } else {
        it(`${operation}: refuses with UNSUPPORTED and sends nothing`, async () => {
          const { provider, requests } = setup();
          expect((await outcome(() => run[operation](provider))).error?.code).toBe("UNSUPPORTED");
          expect(requests).toEqual([]);
        });
      }
    }

    for (const field of PATCH_FIELDS) {
      const support = capabilities.patch[field];
      if (!support.supported) {
        it(`update ${field}: UNSUPPORTED, naming the field, nothing sent`, async () => {
          const { provider, requests } = setup();
          const { error } = await outcome(() =>
            provider.updateCampaign(id, patchSetting(provider, field, sampleValue(field, support))),
          );
          expect(error).toMatchObject({ code: "UNSUPPORTED", field });
          expect(requests).toEqual([]);
        });
        continue;
      }
      it(`update ${field}: valid requests, exactly the ones planUpdate shows`, async () => {
        const { provider, requests } = setup();
        const patch = patchSetting(provider, field, sampleValue(field, support));
        const plan = await provider.planUpdate(id, patch);
        expect(requests).toEqual([]);
        const campaign = await provider.updateCampaign(id, patch);
        expect(CampaignSchema.safeParse(campaign).success).toBe(true);
        expect(requests.flatMap((r) => r.problems)).toEqual([]);
        expect(plan.length).toBeGreaterThan(0);
        const sent = requests.map((r) => ({
          method: r.method,
          url: r.url,
          body: r.body === "" ? undefined : r.body.replaceAll(API_KEY, REDACTED),
        }));
        expect(sent).toEqual(plan.map((p) => ({ method: p.method, url: p.url, body: p.body })));
        expect(JSON.stringify(plan)).not.toContain(API_KEY);
      });
      const outside: [string, unknown][] = [];
      if (support.max !== undefined) outside.push([`above ${support.max}`, support.max + 1]);
      if (support.min !== undefined && support.min > 1)
        outside.push([`below ${support.min}`, support.min - 1]);
      if (support.maxLength !== undefined)
        outside.push([`longer than ${support.maxLength}`, "x".repeat(support.maxLength + 1)]);
      if (support.callingHours && support.callingHours.weekly !== "any") {
        const twoWindows = {
          weekly: {
            mon: [
              { start: "09:00", end: "10:00" },
              { start: "11:00", end: "12:00" },
            ],
          },
        };
        outside.push(["with two windows on Monday", twoWindows]);
      }
      for (const [label, value] of outside) {
        it(`update ${field} ${label}: VALIDATION, nothing sent`, async () => {
          const { provider, requests } = setup();
          const { error } = await outcome(() =>
            provider.updateCampaign(id, patchSetting(provider, field, value)),
          );
          expect(error).toMatchObject({ code: "VALIDATION", field });
          expect(requests).toEqual([]);
        });
      }
    }
  });
}
