import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
  type WithoutBodyField,
} from "@campaignkit/core";
import type { Client } from "openapi-fetch";
import { convosoCredentialRefusal } from "./convoso-errors.js";
import type { paths } from "./generated/convoso-api.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/convoso.openapi.yaml`. */
export const CONVOSO_DEFAULT_BASE_URL = "https://api.convoso.com/v1";

/**
 * What the shared client factory needs to know about Convoso: its default base URL, where the
 * credential goes, the User-Agent and any documented rate limit.
 */
export const convosoDescriptor: VendorDescriptor = {
  vendor: "convoso",
  defaultBaseURL: CONVOSO_DEFAULT_BASE_URL,
  credential: { in: "form-field", name: "auth_token" },
  userAgent: `campaignkit-convoso/${PACKAGE_VERSION}`,
  credentialRefusal: convosoCredentialRefusal,
  requestContentType: "application/x-www-form-urlencoded",
};

/**
 * Every path of `specs/convoso.openapi.yaml` as the typed client takes it: without the `auth_token`
 * body field, which the client adds.
 */
export type ConvosoPaths = WithoutBodyField<paths, "auth_token">;
/** The typed openapi-fetch client for Convoso, as `createConvosoClient` returns it. */
export type ConvosoClient = Client<ConvosoPaths>;
/**
 * The settings of `createConvosoClient`: the API key and the shared client settings of
 * `@campaignkit/core`.
 */
export type ConvosoClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for Convoso, with the credential applied to every request. */
export function createConvosoClient(settings: ConvosoClientSettings): ConvosoClient {
  return createVendorClient<ConvosoPaths>(convosoDescriptor, settings);
}
