import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import { alturCredentialRefusal } from "./altur-errors.js";
import type { paths } from "./generated/altur-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/altur.openapi.yaml`. */
export const ALTUR_DEFAULT_BASE_URL = "https://api.altur.io/api/v1.0";

/**
 * What the shared client factory needs to know about Altur: its default base URL, where the
 * credential goes, the User-Agent and any documented rate limit.
 */
export const alturDescriptor: VendorDescriptor = {
  vendor: "altur",
  defaultBaseURL: ALTUR_DEFAULT_BASE_URL,
  credential: { in: "header", name: "Authorization", prefix: "api-key " },
  userAgent: `campaignkit-altur/${PACKAGE_VERSION}`,
  credentialRefusal: alturCredentialRefusal,
  // "Rate Limit: 12 requests per second" (seed 004).
  rateLimit: { requests: 12, perMilliseconds: 1000 },
};

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
