// Loaded with `node --import` before the CLI: writes the URL of every module it loads (builtins
// aside) to the file named by CK_TRACE_MODULES, one a line, so a test can tell what a command
// imported.
import { appendFileSync } from "node:fs";
import { registerHooks } from "node:module";

const file = process.env.CK_TRACE_MODULES;
registerHooks({
  load(url, context, next) {
    if (file && !url.startsWith("node:")) appendFileSync(file, `${url}\n`);
    return next(url, context);
  },
});
