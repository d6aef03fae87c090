import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import { createVendorClient, vendorDescriptor } from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import { alturCredentialRefusal } from "./altur-errors.js";
import type { paths } from "./generated/altur-api.js";
import { alturSpecFacts } from "./generated/altur-descriptor.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/altur.openapi.yaml`. */
export const ALTUR_DEFAULT_BASE_URL = alturSpecFacts.defaultBaseURL;

/**
 * Base URL, credential placement and rate limit, generated from `specs/altur.openapi.yaml`, and
 * the credential-refusal rule of Altur's error decoder.
 */
export const alturDescriptor: VendorDescriptor = vendorDescriptor(alturSpecFacts, PACKAGE_VERSION, {
  credentialRefusal: alturCredentialRefusal,
});

/** Every path of `specs/altur.openapi.yaml` as the typed client takes it. */
export type AlturPaths = paths;
/** The typed openapi-fetch client for Altur, as `createAlturClient` returns it. */
export type AlturClient = Client<AlturPaths>;
/**
 * The settings of `createAlturClient`: the API key and the shared client settings of
 * `@campaignkit/core`.
 */
export type AlturClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Altur, with the credential applied to every request. */
export function createAlturClient(settings: AlturClientSettings): AlturClient {
  return createVendorClient<AlturPaths>(alturDescriptor, settings);
}
