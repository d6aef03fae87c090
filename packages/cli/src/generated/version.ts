// Generated from package.json by scripts/write-version.mjs. Do not edit by hand.
export const PACKAGE_NAME = "@campaignkit/cli";
export const PACKAGE_VERSION = "0.0.0";
