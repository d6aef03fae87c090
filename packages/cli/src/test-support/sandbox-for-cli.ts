import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, type SandboxOptions, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll } from "vitest";
import { cleanEnv, sandboxEnv } from "./spawn-cli.js";

/**
 * The setup most CLI suites share: a sandbox started before the suite (handed to `ready` with
 * the clean environment that points the CLI at it) and closed after, and a temporary directory
 * for the suite's files, removed after. Returns the directory.
 */
export function sandboxForCli(
  ready: (sandbox: Sandbox, env: NodeJS.ProcessEnv) => void,
  options: { sandbox?: SandboxOptions; tmpPrefix?: string } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), options.tmpPrefix ?? "campaignkit-cli-"));
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options.sandbox);
    ready(sandbox, cleanEnv(sandboxEnv(sandbox)));
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
