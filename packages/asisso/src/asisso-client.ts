import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import { createVendorClient, vendorDescriptor } from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import { asissoCredentialRefusal } from "./asisso-errors.js";
import type { paths } from "./generated/asisso-api.js";
import { asissoSpecFacts } from "./generated/asisso-descriptor.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/asisso.openapi.yaml`. */
export const ASISSO_DEFAULT_BASE_URL = asissoSpecFacts.defaultBaseURL;

/**
 * Base URL, credential placement and rate limit, generated from `specs/asisso.openapi.yaml`, and
 * the credential-refusal rule of Asisso's error decoder.
 */
export const asissoDescriptor: VendorDescriptor = vendorDescriptor(
  asissoSpecFacts,
  PACKAGE_VERSION,
  { credentialRefusal: asissoCredentialRefusal },
);

/** Every path of `specs/asisso.openapi.yaml` as the typed client takes it. */
export type AsissoPaths = paths;
/** The typed openapi-fetch client for Asisso, as `createAsissoClient` returns it. */
export type AsissoClient = Client<AsissoPaths>;
/**
 * The settings of `createAsissoClient`: the API key and the shared client settings of
 * `@campaignkit/core`.
 */
export type AsissoClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Asisso, with the credential applied to every request. */
export function createAsissoClient(settings: AsissoClientSettings): AsissoClient {
  return createVendorClient<AsissoPaths>(asissoDescriptor, settings);
}
