// Generated from specs/asisso.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorExtensionSpec } from "@campaignkit/core";
import type { operations } from "./asisso-api.js";

/**
 * The documented writable fields of Asisso's `updateCampaign` that the normalized patch
 * does not cover, settable as `patch.vendor.asisso`: `circuit_breaker`.
 */
export type AsissoPatchExtension = Partial<Pick<NonNullable<operations["updateCampaign"]["requestBody"]>["content"]["application/json"], "circuit_breaker">>;

/** Where `patch.vendor.asisso` goes (`updateCampaign`), and each field's rules from the spec. */
export const asissoExtension = {
  "operationId": "updateCampaign",
  "fields": {
    "circuit_breaker": {
      "schema": {
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean"
          },
          "failure_threshold": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "window_seconds": {
            "type": "integer",
            "minimum": 30,
            "maximum": 600
          },
          "min_calls_in_window": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        }
      },
      "readBack": true
    }
  }
} as const satisfies VendorExtensionSpec;
