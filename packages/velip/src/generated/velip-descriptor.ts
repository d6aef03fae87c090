// Generated from specs/velip.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorSpecFacts } from "@campaignkit/core/internal";

export const velipSpecFacts = {
  "vendor": "velip",
  "displayName": "Velip",
  "settings": {},
  "defaultBaseURL": "https://vox.velip.com.br/api/v2",
  "credential": {
    "in": "header",
    "name": "Authorization",
    "prefix": "Bearer "
  }
} as const satisfies VendorSpecFacts;
