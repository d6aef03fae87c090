export { runCli, VERSION } from "./cli.js";
export { type ApplyReport, applyCommand } from "./commands/apply.js";
export type { CliContext, Sink } from "./context.js";
export { EXIT, type ExitCode } from "./exit-codes.js";
export {
  parseCallingHours,
  parseFieldValue,
  patchFromAssignments,
} from "./set-parser.js";
export { VENDORS, type VendorId } from "./vendor-loader.js";
