// Writes src/generated/version.ts from the package.json of the current directory, so that the
// User-Agent of a vendor client always carries the version that is being published.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
mkdirSync("src/generated", { recursive: true });
writeFileSync(
  "src/generated/version.ts",
  `// Generated from package.json by scripts/write-version.mjs. Do not edit by hand.\n` +
    `export const PACKAGE_NAME = ${JSON.stringify(name)};\n` +
    `export const PACKAGE_VERSION = ${JSON.stringify(version)};\n`,
);
