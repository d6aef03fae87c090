import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, leaks, runCli, sandboxEnv } from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
/** The sandbox's environment with no colour setting at all (cleanEnv sets NO_COLOR). */
let plain: NodeJS.ProcessEnv;

const ESC = "\u001b[";
const GREEN_ACTIVE = `${ESC}32mactive${ESC}39m`;

beforeAll(async () => {
  sandbox = await startSandbox();
  const {
    NO_COLOR: _off,
    FORCE_COLOR: _force,
    COLUMNS: _columns,
    ...rest
  } = cleanEnv(sandboxEnv(sandbox));
  plain = rest;
});
afterAll(async () => {
  await sandbox?.close();
});

describe("colour", () => {
  it("is off when stdout is not a terminal", async () => {
    const result = await runCli(["list", "--vendor", "altur"], { env: plain });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("active");
    expect(result.stdout).not.toContain(ESC);
  });

  it("FORCE_COLOR forces it: statuses on stdout, errors on stderr", async () => {
    const result = await runCli(["list", "--vendor", "altur"], {
      env: { ...plain, FORCE_COLOR: "1" },
    });
    expect(result.stdout).toContain(GREEN_ACTIVE);
    const failed = await runCli(["get", "--vendor", "altur", "999999"], {
      env: { ...plain, FORCE_COLOR: "1" },
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr.startsWith(`${ESC}1m${ESC}31merror:`)).toBe(true);
  });

  it("NO_COLOR turns it off; FORCE_COLOR=0 too", async () => {
    for (const extra of [{ NO_COLOR: "1" }, { FORCE_COLOR: "0" }]) {
      const result = await runCli(["list", "--vendor", "altur"], { env: { ...plain, ...extra } });
      expect(result.stdout, JSON.stringify(extra)).not.toContain(ESC);
    }
  });

  it("--json is never coloured", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--json"], {
      env: { ...plain, FORCE_COLOR: "1" },
    });
    expect(result.stdout).not.toContain(ESC);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });
});

describe("table width", () => {
  const widest = (text: string) => Math.max(...text.split("\n").map((line) => stringWidth(line)));

  it("without a terminal or COLUMNS, nothing is cut", async () => {
    const result = await runCli(["list"], { env: plain });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("…");
  });

  it("fits COLUMNS by cutting names with an ellipsis, and only names", async () => {
    const full = await runCli(["list"], { env: plain });
    const natural = widest(full.stdout);
    const width = natural - 6;
    const fitted = await runCli(["list"], { env: { ...plain, COLUMNS: String(width) } });
    expect(fitted.code).toBe(0);
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(width);
    expect(fitted.stdout).toContain("…");
    // Every other column is whole: the same rows once the NAME cells are set aside.
    const withoutNames = (text: string) =>
      text
        .split("\n")
        .slice(2)
        .map((line) =>
          line
            .split(/\s{2,}/)
            .filter((_, index) => index !== 2)
            .join(" | "),
        );
    const cut = withoutNames(fitted.stdout);
    const whole = withoutNames(full.stdout);
    expect(cut).toEqual(whole);
  });

  it("never cuts notes (capabilities' NOTE column)", async () => {
    const full = await runCli(["capabilities", "--vendor", "velip"], { env: plain });
    const narrow = await runCli(["capabilities", "--vendor", "velip"], {
      env: { ...plain, COLUMNS: "40" },
    });
    expect(narrow.stdout).toBe(full.stdout);
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
