import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
  type WithoutBodyField,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/convoso-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/convoso.openapi.yaml`. */
export const CONVOSO_DEFAULT_BASE_URL = "https://api.convoso.com/v1";

export const convosoDescriptor: VendorDescriptor = {
  vendor: "convoso",
  defaultBaseURL: CONVOSO_DEFAULT_BASE_URL,
  credential: { in: "form-field", name: "auth_token" },
  userAgent: `campaignkit-convoso/${PACKAGE_VERSION}`,
  requestContentType: "application/x-www-form-urlencoded",
};

export type ConvosoPaths = WithoutBodyField<paths, "auth_token">;
export type ConvosoClient = Client<ConvosoPaths>;
export type ConvosoClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Convoso, with the credential applied to every request. */
export function createConvosoClient(settings: ConvosoClientSettings): ConvosoClient {
  return createVendorClient<ConvosoPaths>(convosoDescriptor, settings);
}
