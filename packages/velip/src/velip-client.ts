import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import { createVendorClient, vendorDescriptor } from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/velip-api.js";
import { velipSpecFacts } from "./generated/velip-descriptor.js";
import { PACKAGE_VERSION } from "./generated/version.js";
import { velipCredentialRefusal } from "./velip-errors.js";

/** `servers[0].url` of `specs/velip.openapi.yaml`. */
export const VELIP_DEFAULT_BASE_URL = velipSpecFacts.defaultBaseURL;

/**
 * Base URL and credential placement, generated from `specs/velip.openapi.yaml`, and the
 * credential-refusal rule of Velip's error decoder.
 */
export const velipDescriptor: VendorDescriptor = vendorDescriptor(velipSpecFacts, PACKAGE_VERSION, {
  credentialRefusal: velipCredentialRefusal,
});

/** Every path of `specs/velip.openapi.yaml` as the typed client takes it. */
export type VelipPaths = paths;
/** The typed openapi-fetch client for Velip, as `createVelipClient` returns it. */
export type VelipClient = Client<VelipPaths>;
/**
 * The settings of `createVelipClient`: the API key and the shared client settings of
 * `@campaignkit/core`.
 */
export type VelipClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Velip, with the credential applied to every request. */
export function createVelipClient(settings: VelipClientSettings): VelipClient {
  return createVendorClient<VelipPaths>(velipDescriptor, settings);
}
