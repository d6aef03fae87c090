import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { VENDOR_REGISTRY } from "./generated/vendor-registry.js";
import { cleanEnv, runCli } from "./test-support/spawn-cli.js";

const TRACER = join(dirname(fileURLToPath(import.meta.url)), "test-support", "trace-modules.mjs");
const dir = mkdtempSync(join(tmpdir(), "campaignkit-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;
/** The modules a CLI run loaded, as URLs. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const file = join(dir, `modules-${runs++}.txt`);
  const result = await runCli(args, {
    env: cleanEnv({ CK_TRACE_MODULES: file }),
    nodeArgs: ["--import", TRACER],
  });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(file, "utf8").split("\n").filter(Boolean);
}

/** The workspace packages (by directory) among loaded modules. */
const packagesIn = (urls: readonly string[]) =>
  new Set(urls.flatMap((url) => /\/packages\/([^/]+)\//.exec(url)?.[1] ?? []));

const VENDOR_DIRS = VENDOR_REGISTRY.map((entry) => entry.packageName.replace("@campaignkit/", ""));

describe("start-up loads only what a command uses", () => {
  it("--help loads no vendor package, no sandbox, not core", async () => {
    const loaded = packagesIn(await modulesLoadedBy(["--help"]));
    expect(loaded.has("cli")).toBe(true);
    for (const name of [...VENDOR_DIRS, "sandbox", "core", "watch"]) {
      expect(loaded.has(name), name).toBe(false);
    }
  });

  it("a command for one vendor loads that vendor's package alone, and no sandbox", async () => {
    const [first, ...others] = VENDOR_DIRS;
    const loaded = packagesIn(await modulesLoadedBy(["capabilities", "--vendor", String(first)]));
    expect(loaded.has(String(first))).toBe(true);
    for (const name of [...others, "sandbox"]) expect(loaded.has(name), name).toBe(false);
  });
});
