// Generated from specs/voxo.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorSpecFacts } from "@campaignkit/core/internal";

export const voxoSpecFacts = {
  "vendor": "voxo",
  "displayName": "VOXO",
  "settings": {
    "tenantId": {
      "type": "positive-integer",
      "description": "the VOXO tenant whose campaigns are listed",
      "requiredFor": "listCampaigns"
    }
  },
  "defaultBaseURL": "https://api.voxo.co/v2",
  "credential": {
    "in": "header",
    "name": "Authorization",
    "prefix": "Bearer "
  }
} as const satisfies VendorSpecFacts;
