// Generated from specs/voxo.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorExtensionSpec } from "@campaignkit/core";
import type { operations } from "./voxo-api.js";

/**
 * The documented writable fields of VOXO's `updateCallCampaign` that the normalized patch
 * does not cover, settable as `patch.vendor.voxo`: `tech`, `timeStart`, `timeEnd`, `callerId`, `recording`, `message`, `numbers`, `destinations`, `callFrequency`, `matchDestinations`, `notMatchDestinations`, `enableVMDetect`.
 */
export type VoxoPatchExtension = Partial<Pick<NonNullable<operations["updateCallCampaign"]["requestBody"]>["content"]["application/json"], "tech" | "timeStart" | "timeEnd" | "callerId" | "recording" | "message" | "numbers" | "destinations" | "callFrequency" | "matchDestinations" | "notMatchDestinations" | "enableVMDetect">>;

/** Where `patch.vendor.voxo` goes (`updateCallCampaign`), and each field's rules from the spec. */
export const voxoExtension = {
  "operationId": "updateCallCampaign",
  "fields": {
    "tech": {
      "schema": {
        "type": "string",
        "enum": [
          "VOICE"
        ]
      },
      "readBack": true
    },
    "timeStart": {
      "schema": {
        "type": "string",
        "pattern": "^([01]\\d|2[0-3]):([0-5]\\d)$"
      },
      "readBack": true
    },
    "timeEnd": {
      "schema": {
        "type": "string",
        "pattern": "^([01]\\d|2[0-3]):([0-5]\\d)$"
      },
      "readBack": true
    },
    "callerId": {
      "schema": {
        "type": "string",
        "pattern": "^[1-9]\\d{9}$"
      },
      "readBack": true
    },
    "recording": {
      "schema": {
        "type": "string",
        "enum": [
          "yes",
          "no"
        ]
      },
      "readBack": true
    },
    "message": {
      "schema": {
        "type": "string"
      },
      "readBack": true
    },
    "numbers": {
      "schema": {
        "type": "array",
        "items": {
          "type": "object"
        }
      },
      "readBack": true
    },
    "destinations": {
      "schema": {
        "type": "array",
        "items": {
          "type": "object"
        }
      },
      "readBack": true
    },
    "callFrequency": {
      "schema": {
        "type": "number",
        "exclusiveMinimum": 9
      },
      "readBack": true
    },
    "matchDestinations": {
      "schema": {
        "type": "array",
        "items": {
          "type": "object"
        }
      },
      "readBack": true
    },
    "notMatchDestinations": {
      "schema": {
        "type": "array",
        "items": {
          "type": "object"
        }
      },
      "readBack": true
    },
    "enableVMDetect": {
      "schema": {
        "type": "string",
        "enum": [
          "0",
          "1"
        ]
      },
      "readBack": true
    }
  }
} as const satisfies VendorExtensionSpec;
