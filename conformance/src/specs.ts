import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type LoadedSpec,
  listSpecVendors as listIn,
  loadSpec as loadFrom,
} from "@campaignkit/sandbox";

/** The repository's specs/: the source of truth the suites read (not a package's copy). */
export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "specs");

export const listSpecVendors = (): string[] => listIn(SPECS_DIR);
export const loadSpec = (vendor: string): LoadedSpec => loadFrom(vendor, SPECS_DIR);
