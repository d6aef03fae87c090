import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SANDBOX_API_KEYS, type Sandbox } from "@campaignkit/sandbox";

/** The built binary: the package's `test` script builds it first. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "bin.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Everything the CLI printed in this test file, for the credential scan. */
export const captured: string[] = [];

/** A base environment without the developer's own campaignkit settings. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("CAMPAIGNKIT_")) env[name] = value;
  }
  // No per-user config file of the developer's: a directory that does not exist.
  return { ...env, NO_COLOR: "1", XDG_CONFIG_HOME: "/nonexistent/campaignkit-tests", ...extra };
}

/** The environment that points the CLI at a sandbox (its URLs and published keys). */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  const env: Record<string, string> = { CAMPAIGNKIT_VOXO_TENANT_ID: "42" };
  for (const [vendor, endpoint] of Object.entries(sandbox.vendors)) {
    env[`CAMPAIGNKIT_${vendor.toUpperCase()}_BASE_URL`] = endpoint.baseURL;
    env[`CAMPAIGNKIT_${vendor.toUpperCase()}_API_KEY`] = endpoint.apiKey;
  }
  return env;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Node options before the binary, e.g. `--import` of a module that injects a fault. */
  nodeArgs?: readonly string[];
  /** Written to the CLI's standard input, which is then closed (else stdin is ignored). */
  input?: string;
}

export function startCli(
  args: readonly string[],
  options: CliOptions = {},
): { child: ChildProcess; done: Promise<RunResult> } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd ?? process.cwd(),
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      captured.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs the real `campaignkit` binary and collects its output and exit code. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<RunResult> {
  return startCli(args, options).done;
}

/** The credentials none of the CLI's output may contain. */
export const SECRETS: readonly string[] = [
  ...Object.values(SANDBOX_API_KEYS),
  "ck-canary-9f2c41d7e3",
];
export const CANARY_KEY = "ck-canary-9f2c41d7e3";

/** Every captured output that contains a credential (should be none). */
export function leaks(outputs: readonly string[] = captured): string[] {
  return outputs.flatMap((text) =>
    SECRETS.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret))),
  );
}
