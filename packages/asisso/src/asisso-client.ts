import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/asisso-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/asisso.openapi.yaml`. */
export const ASISSO_DEFAULT_BASE_URL = "https://app.asisso.com/api/v1";

export const asissoDescriptor: VendorDescriptor = {
  vendor: "asisso",
  defaultBaseURL: ASISSO_DEFAULT_BASE_URL,
  credential: { in: "header", name: "X-API-Key" },
  userAgent: `campaignkit-asisso/${PACKAGE_VERSION}`,
};

export type AsissoPaths = paths;
export type AsissoClient = Client<AsissoPaths>;
export type AsissoClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Asisso, with the credential applied to every request. */
export function createAsissoClient(settings: AsissoClientSettings): AsissoClient {
  return createVendorClient<AsissoPaths>(asissoDescriptor, settings);
}
