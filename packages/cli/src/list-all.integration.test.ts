import { SANDBOX_VENDORS } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { cleanEnv, leaks, runCli } from "./test-support/spawn-cli.js";

let env: NodeJS.ProcessEnv;
sandboxForCli((_sandbox, cliEnv) => {
  env = cliEnv;
});

/** The VENDOR cells of a table's rows (header and rule aside). */
function vendorsOf(table: string): string[] {
  return table
    .split("\n")
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? "")
    .filter((cell) => /^[a-z]+$/.test(cell));
}

describe("list without --vendor", () => {
  it("lists every configured vendor's campaigns in one table with a VENDOR column", async () => {
    const result = await runCli(["list"], { env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toMatch(/^VENDOR\s+ID\s+NAME\s+STATUS/);
    expect(new Set(vendorsOf(result.stdout))).toEqual(new Set(SANDBOX_VENDORS));
    expect(result.stdout).toMatch(new RegExp(`\\d+ campaigns on ${SANDBOX_VENDORS.join(", ")}\n$`));
  });

  it("lists only the vendors that have a key", async () => {
    const only = cleanEnv({
      CAMPAIGNKIT_ALTUR_API_KEY: env.CAMPAIGNKIT_ALTUR_API_KEY ?? "",
      CAMPAIGNKIT_ALTUR_BASE_URL: env.CAMPAIGNKIT_ALTUR_BASE_URL ?? "",
    });
    const result = await runCli(["list", "--json"], { env: only });
    expect(result.code).toBe(0);
    const campaigns = JSON.parse(result.stdout) as Array<{ vendor: string }>;
    expect(campaigns.length).toBeGreaterThan(0);
    expect(new Set(campaigns.map((campaign) => campaign.vendor))).toEqual(new Set(["altur"]));
  });

  it("--limit caps each vendor's listing", async () => {
    const result = await runCli(["list", "--limit", "1", "--json"], { env });
    expect(result.code).toBe(0);
    const campaigns = JSON.parse(result.stdout) as Array<{ vendor: string }>;
    expect(campaigns.map((campaign) => campaign.vendor).sort()).toEqual([
      "altur",
      "asisso",
      "convoso",
      "velip",
      "voxo",
    ]);
    const one = await runCli(["list", "--vendor", "altur", "--limit", "2", "--json"], { env });
    expect(JSON.parse(one.stdout)).toHaveLength(2);
    const bad = await runCli(["list", "--limit", "0"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--limit must be a positive whole number");
  });

  it("keeps going when one vendor fails: its error in the output, exit 1", async () => {
    const broken = { ...env, CAMPAIGNKIT_CONVOSO_BASE_URL: "http://127.0.0.1:9/v1" };
    const result = await runCli(["list"], { env: broken });
    expect(result.code).toBe(1);
    const others = SANDBOX_VENDORS.filter((vendor) => vendor !== "convoso");
    expect(new Set(vendorsOf(result.stdout))).toEqual(new Set(others));
    expect(result.stdout).toMatch(new RegExp(`on ${others.join(", ")}; convoso failed\n$`));
    const [error, hint, ...rest] = result.stderr.trim().split("\n");
    expect(error).toMatch(/^error: convoso: could not reach 127\.0\.0\.1:9 .*code NETWORK/);
    expect(hint).toMatch(/^hint: check that 127\.0\.0\.1:9 is reachable/);
    expect(rest).toEqual([]);
  });

  it("exits 3 when no vendor has a key, naming what to set", async () => {
    const result = await runCli(["list"], { env: cleanEnv() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("no vendor has an API key: set CAMPAIGNKIT_<VENDOR>_API_KEY");
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
