export {
  ASISSO_DEFAULT_BASE_URL,
  type AsissoClient,
  type AsissoClientSettings,
  type AsissoPaths,
  asissoDescriptor,
  createAsissoClient,
} from "./asisso-client.js";
export type { components, operations, paths } from "./generated/asisso-api.js";
