#!/usr/bin/env node
import { runCli } from "./cli.js";
import { EXIT } from "./exit-codes.js";

const controller = new AbortController();
let signals = 0;
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    signals++;
    // The first signal lets the command stop cleanly (journal, report, sandbox close);
    // a second one ends the process at once.
    if (signals > 1) process.exit(EXIT.INTERRUPTED);
    controller.abort(new Error(`interrupted by ${name}`));
  });
}

// A reader that stops early (`campaignkit capabilities | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.OK);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  signal: controller.signal,
});
process.exitCode = code;
