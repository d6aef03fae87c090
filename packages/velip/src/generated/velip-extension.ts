// Generated from specs/velip.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorExtensionSpec } from "@campaignkit/core";
import type { operations } from "./velip-api.js";

/**
 * The documented writable fields of Velip's `changeCampaign` that the normalized patch
 * does not cover, settable as `patch.vendor.velip`: `max_answered`, `group`.
 */
export type VelipPatchExtension = Partial<Pick<NonNullable<operations["changeCampaign"]["requestBody"]>["content"]["application/json"], "max_answered" | "group">>;

/** Where `patch.vendor.velip` goes (`changeCampaign`), and each field's rules from the spec. */
export const velipExtension = {
  "operationId": "changeCampaign",
  "fields": {
    "max_answered": {
      "schema": {
        "type": "integer",
        "minimum": 0
      },
      "readBack": false
    },
    "group": {
      "schema": {
        "type": "integer",
        "minimum": 0
      },
      "readBack": false
    }
  }
} as const satisfies VendorExtensionSpec;
