import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, leaks, runCli } from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
const dir = mkdtempSync(join(tmpdir(), "campaignkit-config-default-"));

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `<base>/campaignkit/config.json` with altur's sandbox settings (name is unused). */
function writeConfig(base: string, settings: Record<string, unknown> = {}): void {
  mkdirSync(join(base, "campaignkit"), { recursive: true });
  const altur = sandbox.vendors.altur;
  writeFileSync(
    join(base, "campaignkit", "config.json"),
    JSON.stringify({
      vendors: { altur: { apiKey: altur.apiKey, baseURL: altur.baseURL, ...settings } },
    }),
  );
}

describe("the per-user config file", () => {
  it("is read from $XDG_CONFIG_HOME/campaignkit/config.json", async () => {
    const xdg = join(dir, "xdg");
    writeConfig(xdg);
    const result = await runCli(["list", "--vendor", "altur", "--json"], {
      env: cleanEnv({ XDG_CONFIG_HOME: xdg }),
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it("falls back to ~/.config/campaignkit/config.json", async () => {
    const home = join(dir, "home");
    writeConfig(join(home, ".config"));
    const env = cleanEnv({ HOME: home });
    delete env.XDG_CONFIG_HOME;
    const result = await runCli(["list", "--vendor", "altur", "--json"], { env });
    expect(result.code).toBe(0);
  });

  it("--config and CAMPAIGNKIT_CONFIG come first", async () => {
    const xdg = join(dir, "xdg-first");
    writeConfig(xdg);
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ vendors: {} }));
    for (const env of [
      cleanEnv({ XDG_CONFIG_HOME: xdg, CAMPAIGNKIT_CONFIG: other }),
      cleanEnv({ XDG_CONFIG_HOME: xdg }),
    ]) {
      const args = ["list", "--vendor", "altur"];
      const result = await runCli(env.CAMPAIGNKIT_CONFIG ? args : [...args, "--config", other], {
        env,
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("altur: no API key");
    }
  });

  it("a broken per-user file is a configuration error naming it (exit 3)", async () => {
    const xdg = join(dir, "xdg-broken");
    writeConfig(xdg, { apiKey: 42 });
    const result = await runCli(["list", "--vendor", "altur"], {
      env: cleanEnv({ XDG_CONFIG_HOME: xdg }),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(join(xdg, "campaignkit", "config.json"));
    expect(result.stderr).toContain("vendors.altur.apiKey must be a non-empty string");
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
