import { CAMPAIGNKIT_ERROR_CODES, CampaignSchema } from "@campaignkit/core";
import { collectScenarios } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { loadSpec } from "./specs.ts";
import { VENDORS } from "./vendors.ts";

for (const vendor of VENDORS) {
  const set = collectScenarios(loadSpec(vendor.id));
  const { responses } = vendor.provider;

  describe(`${vendor.id}: every documented response, read as campaignkit reads it`, () => {
    it("has a reading for every operation of the spec", () => {
      expect(Object.keys(responses.campaignsFrom).sort()).toEqual(
        set.operations.map((op) => op.operationId).sort(),
      );
    });

    it.each(
      set.scenarios.map((s) => [`${s.operationId} / ${s.name} (${s.response.status})`, s] as const),
    )("%s", (_, scenario) => {
      const key = `${vendor.id}/${scenario.operationId}/${scenario.name}`;
      const error = responses.decodeError(
        scenario.operationId,
        scenario.response.status,
        scenario.response.body,
      );
      if (error) {
        expect(
          scenario.expectedErrorCode,
          `${key} decodes to ${error.code}; the example has no x-campaignkit-error-code`,
        ).toBeDefined();
        expect(error.code).toBe(scenario.expectedErrorCode);
        expect(error.vendor).toBe(vendor.id);
        if (!scenario.response.statusDocumented) {
          // Under `default`: the vendor does not document the HTTP status, so the reading must
          // come from the body, whatever error status carries it.
          // 401 and 403 say something of their own (the credential), so they are not tried.
          for (const status of [400, 500]) {
            const other = responses.decodeError(
              scenario.operationId,
              status,
              scenario.response.body,
            );
            expect(other?.code, `${key} under HTTP ${status}`).toBe(error.code);
            expect(other?.vendorCode, `${key} under HTTP ${status}`).toEqual(error.vendorCode);
          }
        }
        return;
      }
      expect(
        scenario.response.statusDocumented,
        `${key} sits under "default": only errors of an undocumented status may`,
      ).toBe(true);
      expect(
        scenario.expectedErrorCode,
        `${key} carries x-campaignkit-error-code ${scenario.expectedErrorCode}, but is not read as an error`,
      ).toBeUndefined();
      if (
        responses.isNoChange?.(
          scenario.operationId,
          scenario.response.status,
          scenario.response.body,
        )
      )
        return;
      const read = responses.campaignsFrom[scenario.operationId];
      if (read === null) return;
      const campaigns = read?.(scenario.response.body) ?? [];
      expect(campaigns.length).toBeGreaterThan(0);
      for (const campaign of campaigns) {
        const parsed = CampaignSchema.safeParse(campaign);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(campaign.vendor).toBe(vendor.id);
        expect(campaign.raw).toBeDefined();
      }
    });
  });
}

describe("x-campaignkit-error-code", () => {
  it("names a campaignkit error code wherever an example carries it", () => {
    const known = new Set<string>(CAMPAIGNKIT_ERROR_CODES);
    const unknown = VENDORS.flatMap((vendor) =>
      collectScenarios(loadSpec(vendor.id))
        .scenarios.filter(
          (s) => s.expectedErrorCode !== undefined && !known.has(s.expectedErrorCode),
        )
        .map((s) => `${vendor.id}/${s.operationId}/${s.name}: ${s.expectedErrorCode}`),
    );
    expect(unknown).toEqual([]);
  });
});
