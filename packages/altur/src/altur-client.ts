import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/altur-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/altur.openapi.yaml`. */
export const ALTUR_DEFAULT_BASE_URL = "https://api.altur.io/api/v1.0";

export const alturDescriptor: VendorDescriptor = {
  vendor: "altur",
  defaultBaseURL: ALTUR_DEFAULT_BASE_URL,
  credential: { in: "header", name: "Authorization", prefix: "api-key " },
  userAgent: `campaignkit-altur/${PACKAGE_VERSION}`,
  // "Rate Limit: 12 requests per second" (seed 004).
  rateLimit: { requests: 12, perMilliseconds: 1000 },
};

export type AlturPaths = paths;
export type AlturClient = Client<AlturPaths>;
export type AlturClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Altur, with the credential applied to every request. */
export function createAlturClient(settings: AlturClientSettings): AlturClient {
  return createVendorClient<AlturPaths>(alturDescriptor, settings);
}
