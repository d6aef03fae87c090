export type { components, operations, paths } from "./generated/voxo-api.js";
export {
  createVoxoClient,
  VOXO_DEFAULT_BASE_URL,
  type VoxoClient,
  type VoxoClientSettings,
  type VoxoPaths,
  voxoDescriptor,
} from "./voxo-client.js";
