export type { components, operations, paths } from "./generated/velip-api.js";
export {
  createVelipClient,
  VELIP_DEFAULT_BASE_URL,
  type VelipClient,
  type VelipClientSettings,
  type VelipPaths,
  velipDescriptor,
} from "./velip-client.js";
