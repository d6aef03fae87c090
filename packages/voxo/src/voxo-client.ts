import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import { PACKAGE_VERSION } from "./generated/version.js";
import type { paths } from "./generated/voxo-api.js";
import { voxoCredentialRefusal } from "./voxo-errors.js";

/** `servers[0].url` of `specs/voxo.openapi.yaml`. */
export const VOXO_DEFAULT_BASE_URL = "https://api.voxo.co/v2";

/**
 * What the shared client factory needs to know about VOXO: its default base URL, where the
 * credential goes, the User-Agent and any documented rate limit.
 */
export const voxoDescriptor: VendorDescriptor = {
  vendor: "voxo",
  defaultBaseURL: VOXO_DEFAULT_BASE_URL,
  credential: { in: "header", name: "Authorization", prefix: "Bearer " },
  userAgent: `campaignkit-voxo/${PACKAGE_VERSION}`,
  credentialRefusal: voxoCredentialRefusal,
};

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
