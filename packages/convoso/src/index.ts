export {
  CONVOSO_DEFAULT_BASE_URL,
  type ConvosoClient,
  type ConvosoClientSettings,
  type ConvosoPaths,
  convosoDescriptor,
  createConvosoClient,
} from "./convoso-client.js";
export type { components, operations, paths } from "./generated/convoso-api.js";
