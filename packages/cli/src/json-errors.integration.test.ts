import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { cleanEnv, leaks, runCli } from "./test-support/spawn-cli.js";

let env: NodeJS.ProcessEnv;
sandboxForCli((_sandbox, cliEnv) => {
  env = cliEnv;
});

const KEYS = ["code", "message", "field", "vendor", "vendorCode", "httpStatus", "hint", "exitCode"];

/** The one JSON error on stderr (every line of stderr must be one). */
function jsonErrors(stderr: string): Array<Record<string, unknown>> {
  const lines = stderr.trim().split("\n");
  return lines.map((line) => {
    const value = JSON.parse(line) as Record<string, unknown>;
    for (const key of KEYS) expect(value, `${key} in ${line}`).toHaveProperty(key);
    return value;
  });
}

describe("--json errors: one JSON object on stderr, the same exit codes", () => {
  it("a usage error: code USAGE, exit 2, the help as hint, nothing on stdout", async () => {
    const result = await runCli(["get", "--vendor", "altur", "--json"], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const [error] = jsonErrors(result.stderr);
    expect(error).toMatchObject({
      code: "USAGE",
      hint: "see campaignkit get --help",
      exitCode: 2,
      httpStatus: null,
    });
    expect(error?.message).toContain("give the campaign id");
  });

  it("a parse error of the options is JSON too", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--json", "--bogus"], { env });
    expect(result.code).toBe(2);
    expect(jsonErrors(result.stderr)[0]?.message).toContain("Unknown option '--bogus'");
  });

  it("a missing key: code CONFIG, exit 3", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--json"], { env: cleanEnv() });
    expect(result.code).toBe(3);
    expect(jsonErrors(result.stderr)[0]).toMatchObject({ code: "CONFIG", exitCode: 3 });
  });

  it("a vendor's answer: its code, vendor and HTTP status, exit 1", async () => {
    const result = await runCli(["get", "--vendor", "altur", "999999", "--json"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(jsonErrors(result.stderr)[0]).toMatchObject({
      code: "NOT_FOUND",
      vendor: "altur",
      httpStatus: 404,
      exitCode: 1,
    });
  });

  it("a refused value names its field", async () => {
    const args = ["update", "--vendor", "altur", "1234", "--set", "redial.maxRetries=-1", "--json"];
    const result = await runCli(args, { env });
    expect(result.code).toBe(1);
    expect(jsonErrors(result.stderr)[0]).toMatchObject({
      code: "VALIDATION",
      field: "redial.maxRetries",
      vendor: "altur",
    });
  });

  it("list without --vendor: the campaigns on stdout, one JSON error per failed vendor", async () => {
    const broken = { ...env, CAMPAIGNKIT_CONVOSO_BASE_URL: "http://127.0.0.1:9/v1" };
    const result = await runCli(["list", "--json"], { env: broken });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
    const errors = jsonErrors(result.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "NETWORK", vendor: "convoso" });
  });

  it("without --json the error stays text", async () => {
    const result = await runCli(["get", "--vendor", "altur", "999999"], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: altur: .*\(code NOT_FOUND, HTTP 404/);
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
