import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { CANARY_KEY, captured, leaks, runCli } from "./test-support/spawn-cli.js";

let env: NodeJS.ProcessEnv;
const dir = sandboxForCli(
  (_sandbox, cliEnv) => {
    env = cliEnv;
  },
  { tmpPrefix: "campaignkit-messages-" },
);

describe("error messages say what to do next", () => {
  it("a refused key names the variable that holds it", async () => {
    const result = await runCli(["get", "--vendor", "altur", "1234"], {
      env: { ...env, CAMPAIGNKIT_ALTUR_API_KEY: CANARY_KEY },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/code AUTH/);
    expect(result.stderr).toContain(
      "hint: altur refused the key in CAMPAIGNKIT_ALTUR_API_KEY: correct it",
    );
  });

  it("a refused key from the config file names its entry (also as --json's hint)", async () => {
    const { CAMPAIGNKIT_ALTUR_API_KEY: _key, ...rest } = env;
    writeFileSync(
      join(dir, "refused.json"),
      JSON.stringify({ vendors: { altur: { apiKey: CANARY_KEY } } }),
    );
    const result = await runCli(["get", "--vendor", "altur", "1234", "--json"], {
      env: { ...rest, CAMPAIGNKIT_CONFIG: join(dir, "refused.json") },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr).hint).toContain("vendors.altur.apiKey");
  });

  it("a network error names the host", async () => {
    const result = await runCli(["get", "--vendor", "altur", "1234"], {
      env: { ...env, CAMPAIGNKIT_ALTUR_BASE_URL: "http://127.0.0.1:9/api/v1.0" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("altur: could not reach 127.0.0.1:9");
    expect(result.stderr).toContain("hint: check that 127.0.0.1:9 is reachable");
  });

  it("a refused http: URL says how to allow it from the CLI, and that works", async () => {
    const insecure = { ...env, CAMPAIGNKIT_ALTUR_BASE_URL: "http://campaignkit.invalid/api/v1.0" };
    const refused = await runCli(["get", "--vendor", "altur", "1234"], { env: insecure });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("set CAMPAIGNKIT_ALTUR_ALLOW_INSECURE_BASE_URL=1");
    const allowed = await runCli(["get", "--vendor", "altur", "1234"], {
      env: { ...insecure, CAMPAIGNKIT_ALTUR_ALLOW_INSECURE_BASE_URL: "1" },
    });
    // Allowed, so the call goes out: to a host that does not exist (.invalid).
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toContain("could not reach campaignkit.invalid");
  });

  it("an empty changes file says so, sends nothing, writes no journal, exit 0", async () => {
    writeFileSync(join(dir, "empty.jsonl"), "\n\n");
    writeFileSync(join(dir, "header.csv"), "vendor,id,status\n");
    for (const file of ["empty.jsonl", "header.csv"]) {
      const result = await runCli(["apply", file], { env, cwd: dir });
      expect(result.code, file).toBe(0);
      expect(result.stderr, file).toMatch(
        new RegExp(`^${file.replace(".", "\\.")} holds no change`),
      );
      expect(existsSync(join(dir, `${file}.journal`)), file).toBe(false);
      const dry = await runCli(["apply", file, "--dry-run"], { env, cwd: dir });
      expect(dry.code, file).toBe(0);
      expect(dry.stderr, file).toContain("holds no change");
    }
    const stdin = await runCli(["apply", "-"], { env, cwd: dir, input: "" });
    expect(stdin.code).toBe(0);
    expect(stdin.stderr).toContain("standard input holds no change");
  });

  it("no message of this file doubles a word, and none points to the help twice", () => {
    for (const text of captured) {
      expect(text).not.toMatch(/\b([A-Za-z]{3,})\s+\1\b/);
      expect(text.match(/see campaignkit/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
