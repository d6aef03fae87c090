import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  accountEnvName,
  accountFor,
  accountsOf,
  loadConfigFile,
  requireApiKey,
  secretsOf,
  vendorConfig,
} from "./config.js";
import { ConfigError } from "./exit-codes.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-accounts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `data` as a config file and loads it. */
function load(data: unknown, name = "config.json") {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return loadConfigFile(path, dir);
}

/** The message of the config error loading `data` gives, without the file's name. */
function problem(data: unknown): string {
  const path = join(dir, "bad.json");
  writeFileSync(path, JSON.stringify(data));
  try {
    loadConfigFile(path, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(`the config file ${path}: `, "");
  }
  throw new Error("no error");
}

const AGENCY = {
  vendors: {
    altur: {
      accounts: {
        acme: { apiKey: "acme-altur-secret", baseURL: "https://acme.example" },
        "globex-2": { apiKey: "globex-altur-secret" },
      },
      default: "acme",
    },
    voxo: { accounts: { north: { apiKey: "north-voxo-secret", tenantId: 7 } } },
    convoso: { apiKey: "plain-convoso-secret" },
  },
};

describe("named accounts in the config file", () => {
  it("reads each account's settings, and keeps the single-account shape as it was", () => {
    const file = load(AGENCY);
    expect(accountsOf("altur", file)).toEqual(["acme", "globex-2"]);
    expect(accountsOf("convoso", file)).toEqual(["default"]);
    expect(vendorConfig("altur", {}, file, undefined, "globex-2")).toEqual({
      apiKey: "globex-altur-secret",
    });
    // Without an account: the vendor's default one (`default`, else the only one).
    expect(vendorConfig("altur", {}, file)).toEqual({
      apiKey: "acme-altur-secret",
      baseURL: "https://acme.example",
    });
    expect(vendorConfig("voxo", {}, file)).toEqual({ apiKey: "north-voxo-secret", tenantId: 7 });
    expect(vendorConfig("convoso", {}, file)).toEqual({ apiKey: "plain-convoso-secret" });
    expect(vendorConfig("convoso", {}, file, undefined, "default")).toEqual({
      apiKey: "plain-convoso-secret",
    });
    expect(accountFor("altur", file, undefined)).toBe("acme");
    expect(accountFor("voxo", file, undefined)).toBe("north");
    expect(accountFor("convoso", file, "default")).toBe("default");
  });

  it("reads a named account's variables, and the vendor-wide ones only for the default account", () => {
    const file = load(AGENCY);
    expect(accountEnvName("altur", "globex-2", "API_KEY")).toBe(
      "CAMPAIGNKIT_ALTUR_GLOBEX_2_API_KEY",
    );
    expect(accountEnvName("voxo", "north", "tenantId")).toBe("CAMPAIGNKIT_VOXO_NORTH_TENANT_ID");
    const env = {
      CAMPAIGNKIT_ALTUR_API_KEY: "vendor-wide-secret",
      CAMPAIGNKIT_ALTUR_GLOBEX_2_API_KEY: "globex-env-secret",
      CAMPAIGNKIT_ALTUR_GLOBEX_2_BASE_URL: "https://globex.example",
      CAMPAIGNKIT_VOXO_NORTH_TENANT_ID: "9",
    };
    expect(vendorConfig("altur", env, file, undefined, "globex-2")).toEqual({
      apiKey: "globex-env-secret",
      baseURL: "https://globex.example",
    });
    // The default account takes the vendor-wide variable; a named one never does.
    expect(vendorConfig("altur", env, file, undefined, "acme").apiKey).toBe("vendor-wide-secret");
    expect(
      vendorConfig("altur", { CAMPAIGNKIT_ALTUR_API_KEY: "x-secret" }, file, undefined, "globex-2")
        .apiKey,
    ).toBe("globex-altur-secret");
    expect(vendorConfig("voxo", env, file, undefined, "north").tenantId).toBe(9);
    expect(() =>
      vendorConfig("voxo", { CAMPAIGNKIT_VOXO_NORTH_TENANT_ID: "x" }, file, undefined, "north"),
    ).toThrow(/CAMPAIGNKIT_VOXO_NORTH_TENANT_ID must be a positive whole number/);
  });

  it("an unknown account is a config error naming the known ones (with did-you-mean)", () => {
    const file = load(AGENCY);
    expect(() => accountFor("altur", file, "acne")).toThrow(ConfigError);
    expect(() => accountFor("altur", file, "acne")).toThrow(
      'altur: no account "acne": the accounts are acme, globex-2; did you mean acme?',
    );
    expect(() => accountFor("convoso", file, "acme")).toThrow(/the accounts are default/);
    // Several accounts and no default: an account must be picked.
    const several = load({ vendors: { altur: { accounts: { a: {}, b: {} } } } }, "several.json");
    expect(() => accountFor("altur", several, undefined)).toThrow(
      /several accounts \(a, b\) and no default: pick one with --account/,
    );
    expect(vendorConfig("altur", {}, several)).toEqual({});
  });

  it("a missing key names the account's variable and config entry", () => {
    const file = load({
      vendors: { altur: { accounts: { acme: {}, beta: {} }, default: "acme" } },
    });
    expect(() => requireApiKey("altur", {}, { name: "beta", file })).toThrow(
      "altur account beta: no API key: set CAMPAIGNKIT_ALTUR_BETA_API_KEY, or vendors.altur.accounts.beta.apiKey in the config file",
    );
    expect(() => requireApiKey("altur", {}, { name: "acme", file })).toThrow(
      /CAMPAIGNKIT_ALTUR_ACME_API_KEY \(or CAMPAIGNKIT_ALTUR_API_KEY\)/,
    );
  });

  it("checks names and keys: each error names the key and the rule, never a value", () => {
    expect(problem({ vendors: { altur: { accounts: { Acme: { apiKey: "k" } } } } })).toBe(
      "vendors.altur.accounts names must be 1–32 characters: a-z, 0-9, _ and -, starting with a letter or digit",
    );
    expect(problem({ vendors: { altur: { accounts: { [`a${"b".repeat(32)}`]: {} } } } })).toMatch(
      /^vendors\.altur\.accounts names must be/,
    );
    expect(problem({ vendors: { altur: { accounts: {} } } })).toBe(
      "vendors.altur.accounts must name at least one account",
    );
    expect(problem({ vendors: { altur: { accounts: { a: {} }, default: "b" } } })).toBe(
      "vendors.altur.default must be one of the accounts",
    );
    expect(problem({ vendors: { altur: { accounts: { a: {} }, defualt: "a" } } })).toBe(
      "vendors.altur.defualt is not a key of an accounts entry (accounts, default)",
    );
    expect(
      problem({ vendors: { altur: { accounts: { a: { apiKey: "sekrit-value", token: 1 } } } } }),
    ).toBe(
      "vendors.altur.accounts.a.token is not a setting (apiKey, baseURL, allowInsecureBaseURL, maxResponseBytes)",
    );
    expect(problem({ vendors: { voxo: { accounts: { a: { tenantId: "x" } } } } })).toBe(
      "vendors.voxo.accounts.a.tenantId must be a positive whole number",
    );
    expect(problem({ vendors: { altur: { accounts: "acme" } } })).toBe(
      "vendors.altur.accounts must be an object keyed by account name",
    );
  });

  it("counts every account's key as a secret, and the named accounts' variables", () => {
    const file = load(AGENCY);
    const env = { CAMPAIGNKIT_ALTUR_GLOBEX_2_API_KEY: "globex-env-secret", OTHER: "plain" };
    expect(secretsOf(env, file).sort()).toEqual(
      [
        "acme-altur-secret",
        "globex-altur-secret",
        "globex-env-secret",
        "north-voxo-secret",
        "plain-convoso-secret",
      ].sort(),
    );
  });
});
