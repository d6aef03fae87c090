import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfigFile, requireApiKey, secretsOf, vendorConfig } from "./config.js";
import { Output } from "./context.js";
import { ConfigError } from "./exit-codes.js";
import { VENDORS } from "./vendor-loader.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("credentials and config", () => {
  const file = join(dir, "config.json");
  writeFileSync(
    file,
    JSON.stringify({
      vendors: {
        altur: { apiKey: "file-altur-secret", baseURL: "https://file.example" },
        voxo: { apiKey: "file-voxo-secret", tenantId: 42 },
      },
    }),
  );

  it("takes --base-url over the environment over the config file", () => {
    const config = loadConfigFile(file, dir);
    expect(vendorConfig("altur", {}, config)).toEqual({
      apiKey: "file-altur-secret",
      baseURL: "https://file.example",
    });
    const env = {
      CAMPAIGNKIT_ALTUR_API_KEY: "env-secret",
      CAMPAIGNKIT_ALTUR_BASE_URL: "https://env.example",
    };
    expect(vendorConfig("altur", env, config)).toEqual({
      apiKey: "env-secret",
      baseURL: "https://env.example",
    });
    expect(vendorConfig("altur", env, config, "http://127.0.0.1:1")).toMatchObject({
      baseURL: "http://127.0.0.1:1",
    });
    expect(vendorConfig("voxo", { CAMPAIGNKIT_VOXO_TENANT_ID: "7" }, config).tenantId).toBe(7);
    expect(vendorConfig("voxo", {}, config).tenantId).toBe(42);
  });

  it("raises the answer cap from the environment or the config file, and names a bad value", () => {
    const capped = join(dir, "cap.json");
    writeFileSync(capped, JSON.stringify({ vendors: { altur: { maxResponseBytes: 67108864 } } }));
    const config = loadConfigFile(capped, dir);
    expect(vendorConfig("altur", {}, config).maxResponseBytes).toBe(67108864);
    const env = { CAMPAIGNKIT_ALTUR_MAX_RESPONSE_BYTES: "33554432" };
    expect(vendorConfig("altur", env, config).maxResponseBytes).toBe(33554432);
    expect(vendorConfig("asisso", {}, config).maxResponseBytes).toBeUndefined();
    expect(() =>
      vendorConfig("altur", { CAMPAIGNKIT_ALTUR_MAX_RESPONSE_BYTES: "64MB" }, config),
    ).toThrow("CAMPAIGNKIT_ALTUR_MAX_RESPONSE_BYTES must be a positive whole number (bytes)");
    writeFileSync(capped, JSON.stringify({ vendors: { altur: { maxResponseBytes: "big" } } }));
    expect(() => loadConfigFile(capped, dir)).toThrow(
      "vendors.altur.maxResponseBytes must be a positive whole number",
    );
  });

  it("a missing key names the environment variable", () => {
    expect(() => requireApiKey("velip", {})).toThrow(ConfigError);
    expect(() => requireApiKey("velip", {})).toThrow(/CAMPAIGNKIT_VELIP_API_KEY/);
  });

  it("config errors name the file and field, never a value", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ vendors: { altur: { apiKey: "sekrit-value", token: "x" } } }),
    );
    expect(() => loadConfigFile(bad, dir)).toThrow(/vendors\.altur\.token/);
    try {
      loadConfigFile(bad, dir);
    } catch (error) {
      expect(String(error)).not.toContain("sekrit-value");
    }
    writeFileSync(bad, "{ not json");
    expect(() => loadConfigFile(bad, dir)).toThrow(/not valid JSON/);
    expect(() => loadConfigFile(join(dir, "absent.json"), dir)).toThrow(/ENOENT/);
    writeFileSync(bad, JSON.stringify({ vendors: { acme: {} } }));
    expect(() => loadConfigFile(bad, dir)).toThrow(/vendors\.acme/);
  });

  it("checks the file against its schema: each error names the key and the rule", () => {
    const bad = join(dir, "rules.json");
    const problem = (data: unknown) => {
      writeFileSync(bad, JSON.stringify(data));
      try {
        loadConfigFile(bad, dir);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message.replace(`the config file ${bad}: `, "");
      }
      throw new Error("no error");
    };
    expect(problem({ vendors: { voxo: { tenantId: "forty-two" } } })).toBe(
      "vendors.voxo.tenantId must be a positive whole number",
    );
    expect(problem({ vendors: { voxo: { tenantId: -3 } } })).toBe(
      "vendors.voxo.tenantId must be a positive whole number",
    );
    expect(problem({ vendors: { altur: { apiKey: 12345 } } })).toBe(
      "vendors.altur.apiKey must be a non-empty string",
    );
    expect(problem({ vendors: { altur: { baseURL: "" } } })).toBe(
      "vendors.altur.baseURL must be a non-empty string",
    );
    expect(problem({ vendors: { altur: "key" } })).toBe("vendors.altur must be an object");
    expect(problem({ vendors: ["altur"] })).toBe("vendors must be an object keyed by vendor");
    expect(problem([1])).toBe("must hold a JSON object");
    // Each vendor takes the common settings and those its definition declares (VOXO's tenantId).
    expect(problem({ vendors: { altur: { apiKey: "k", token: "x" } } })).toBe(
      "vendors.altur.token is not a setting (apiKey, baseURL, allowInsecureBaseURL, maxResponseBytes)",
    );
    expect(problem({ vendors: { altur: { tenantId: 42 } } })).toBe(
      "vendors.altur.tenantId is not a setting (apiKey, baseURL, allowInsecureBaseURL, maxResponseBytes)",
    );
    expect(problem({ vendors: { voxo: { token: "x" } } })).toBe(
      "vendors.voxo.token is not a setting (apiKey, baseURL, allowInsecureBaseURL, maxResponseBytes, tenantId)",
    );
    expect(problem({ vendors: { acme: {} } })).toBe(
      `vendors.acme is not a vendor (${VENDORS.join(", ")})`,
    );
    writeFileSync(bad, JSON.stringify({ vendors: { voxo: { apiKey: "k", tenantId: "42" } } }));
    expect(loadConfigFile(bad, dir).vendors.voxo).toEqual({ apiKey: "k", tenantId: 42 });
  });

  it("collects every credential, and output never shows one", () => {
    const config = loadConfigFile(file, dir);
    const env = { CAMPAIGNKIT_VELIP_API_KEY: "env-velip-secret", OTHER: "not-secret" };
    expect(secretsOf(env, config).sort()).toEqual(
      ["env-velip-secret", "file-altur-secret", "file-voxo-secret"].sort(),
    );
    let text = "";
    const sink = { write: (chunk: string) => (text += chunk) };
    const output = new Output({
      env,
      cwd: dir,
      stdout: sink,
      stderr: sink,
      stderrIsTTY: false,
      signal: new AbortController().signal,
    });
    output.learnConfig(config);
    output.out("key env-velip-secret and file-altur-secret; not-secret stays\n");
    expect(text).toBe("key REDACTED and REDACTED; not-secret stays\n");
  });
});
