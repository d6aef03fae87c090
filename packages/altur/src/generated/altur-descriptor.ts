// Generated from specs/altur.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorSpecFacts } from "@campaignkit/core/internal";

export const alturSpecFacts = {
  "vendor": "altur",
  "displayName": "Altur",
  "settings": {},
  "defaultBaseURL": "https://api.altur.io/api/v1.0",
  "credential": {
    "in": "header",
    "name": "Authorization",
    "prefix": "api-key "
  },
  "rateLimit": {
    "requests": 12,
    "perMilliseconds": 1000
  }
} as const satisfies VendorSpecFacts;
