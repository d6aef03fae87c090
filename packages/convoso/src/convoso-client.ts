import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import {
  createVendorClient,
  vendorDescriptor,
  type WithoutBodyField,
} from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import { convosoCredentialRefusal } from "./convoso-errors.js";
import type { paths } from "./generated/convoso-api.js";
import { convosoSpecFacts } from "./generated/convoso-descriptor.js";
import { PACKAGE_VERSION } from "./generated/version.js";

/** `servers[0].url` of `specs/convoso.openapi.yaml`. */
export const CONVOSO_DEFAULT_BASE_URL = convosoSpecFacts.defaultBaseURL;

/**
 * Base URL, credential placement and request content type, generated from
 * `specs/convoso.openapi.yaml`, and the credential-refusal rule of Convoso's error decoder.
 */
export const convosoDescriptor: VendorDescriptor = vendorDescriptor(
  convosoSpecFacts,
  PACKAGE_VERSION,
  { credentialRefusal: convosoCredentialRefusal },
);

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
