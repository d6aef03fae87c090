// Generated from specs/convoso.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorSpecFacts } from "@campaignkit/core/internal";

export const convosoSpecFacts = {
  "vendor": "convoso",
  "displayName": "Convoso",
  "settings": {},
  "defaultBaseURL": "https://api.convoso.com/v1",
  "credential": {
    "in": "form-field",
    "name": "auth_token"
  },
  "requestContentType": "application/x-www-form-urlencoded"
} as const satisfies VendorSpecFacts;
