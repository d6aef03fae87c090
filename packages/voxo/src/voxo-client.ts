import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import { createVendorClient, vendorDescriptor } from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import { PACKAGE_VERSION } from "./generated/version.js";
import type { paths } from "./generated/voxo-api.js";
import { voxoSpecFacts } from "./generated/voxo-descriptor.js";
import { voxoCredentialRefusal } from "./voxo-errors.js";

/** `servers[0].url` of `specs/voxo.openapi.yaml`. */
export const VOXO_DEFAULT_BASE_URL = voxoSpecFacts.defaultBaseURL;

/**
 * Base URL and credential placement, generated from `specs/voxo.openapi.yaml`, and the
 * credential-refusal rule of VOXO's error decoder.
 */
export const voxoDescriptor: VendorDescriptor = vendorDescriptor(voxoSpecFacts, PACKAGE_VERSION, {
  credentialRefusal: voxoCredentialRefusal,
});

/** Every path of `specs/voxo.openapi.yaml` as the typed client takes it. */
export type VoxoPaths = paths;
/** The typed openapi-fetch client for VOXO, as `createVoxoClient` returns it. */
export type VoxoClient = Client<VoxoPaths>;
/**
 * The settings of `createVoxoClient`: the API key and the shared client settings of
 * `@campaignkit/core`.
 */
export type VoxoClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Voxo, with the credential applied to every request. */
export function createVoxoClient(settings: VoxoClientSettings): VoxoClient {
  return createVendorClient<VoxoPaths>(voxoDescriptor, settings);
}
