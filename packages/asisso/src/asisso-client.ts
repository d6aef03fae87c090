import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import { asissoCredentialRefusal } from "./asisso-errors.js";
import type { paths } from "./generated/asisso-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/asisso.openapi.yaml`. */
export const ASISSO_DEFAULT_BASE_URL = "https://app.asisso.com/api/v1";

/**
 * What the shared client factory needs to know about Asisso: its default base URL, where the
 * credential goes, the User-Agent and any documented rate limit.
 */
export const asissoDescriptor: VendorDescriptor = {
  vendor: "asisso",
  defaultBaseURL: ASISSO_DEFAULT_BASE_URL,
  credential: { in: "header", name: "X-API-Key" },
  userAgent: `campaignkit-asisso/${PACKAGE_VERSION}`,
  credentialRefusal: asissoCredentialRefusal,
};

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
