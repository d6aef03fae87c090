export {
  ALTUR_DEFAULT_BASE_URL,
  type AlturClient,
  type AlturClientSettings,
  type AlturPaths,
  alturDescriptor,
  createAlturClient,
} from "./altur-client.js";
export type { components, operations, paths } from "./generated/altur-api.js";
