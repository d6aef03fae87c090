import { CampaignSchema } from "@campaignkit/core";
import { collectScenarios } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { EXPECTED_ERROR_CODES } from "./expected-error-codes.ts";
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
          EXPECTED_ERROR_CODES[key],
          `${key} decodes to ${error.code}; no expected code is recorded`,
        ).toBeDefined();
        expect(error.code).toBe(EXPECTED_ERROR_CODES[key]);
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
      expect(EXPECTED_ERROR_CODES[key], `${key} should be an error`).toBeUndefined();
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

describe("the expected error codes table", () => {
  it("names only examples that exist", () => {
    const existing = new Set(
      VENDORS.flatMap((vendor) =>
        collectScenarios(loadSpec(vendor.id)).scenarios.map(
          (s) => `${vendor.id}/${s.operationId}/${s.name}`,
        ),
      ),
    );
    const stale = Object.keys(EXPECTED_ERROR_CODES).filter((key) => !existing.has(key));
    expect(stale).toEqual([]);
  });
});
