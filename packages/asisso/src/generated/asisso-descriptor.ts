// Generated from specs/asisso.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorSpecFacts } from "@campaignkit/core/internal";

export const asissoSpecFacts = {
  "vendor": "asisso",
  "displayName": "Asisso",
  "settings": {},
  "defaultBaseURL": "https://app.asisso.com/api/v1",
  "credential": {
    "in": "header",
    "name": "X-API-Key"
  }
} as const satisfies VendorSpecFacts;
