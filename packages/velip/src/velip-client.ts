import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/velip-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";
import { velipCredentialRefusal } from "./velip-errors.js";

/** `servers[0].url` of `specs/velip.openapi.yaml`. */
export const VELIP_DEFAULT_BASE_URL = "https://vox.velip.com.br/api/v2";

/**
 * What the shared client factory needs to know about Velip: its default base URL, where the
 * credential goes, the User-Agent and any documented rate limit.
 */
export const velipDescriptor: VendorDescriptor = {
  vendor: "velip",
  defaultBaseURL: VELIP_DEFAULT_BASE_URL,
  credential: { in: "header", name: "Authorization", prefix: "Bearer " },
  userAgent: `campaignkit-velip/${PACKAGE_VERSION}`,
  credentialRefusal: velipCredentialRefusal,
};

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
