// Generated from specs/convoso.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorExtensionSpec } from "@campaignkit/core";
/** Convoso documents no writable field beyond what the normalized patch covers. */
export type ConvosoPatchExtension = Record<string, never>;

/** No fields: `patch.vendor.convoso` takes none. */
export const convosoExtension = { operationId: undefined, fields: {} } as const satisfies VendorExtensionSpec;
