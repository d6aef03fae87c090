import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "./commands/apply.js";
import {
  CANARY_KEY,
  captured,
  cleanEnv,
  leaks,
  runCli,
  sandboxEnv,
} from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(join(tmpdir(), "campaignkit-accounts-"));
const config = join(dir, "config.json");
const REFUSED_HINT =
  "altur refused the key of account client-b: correct CAMPAIGNKIT_ALTUR_CLIENT_B_API_KEY, or vendors.altur.accounts.client-b.apiKey in the config file";

beforeAll(async () => {
  sandbox = await startSandbox();
  const altur = sandbox.vendors.altur;
  // Two Altur accounts: client-a holds the sandbox's key (in the config file), client-b a key the
  // sandbox refuses (from its own variable: the canary, which no output may show).
  writeFileSync(
    config,
    JSON.stringify({
      vendors: {
        altur: {
          accounts: {
            "client-a": { apiKey: altur.apiKey, baseURL: altur.baseURL },
            "client-b": { baseURL: altur.baseURL },
          },
          default: "client-a",
        },
      },
    }),
  );
  const {
    CAMPAIGNKIT_ALTUR_API_KEY: _key,
    CAMPAIGNKIT_ALTUR_BASE_URL: _url,
    ...others
  } = sandboxEnv(sandbox);
  env = cleanEnv({
    ...others,
    CAMPAIGNKIT_CONFIG: config,
    CAMPAIGNKIT_ALTUR_CLIENT_B_API_KEY: CANARY_KEY,
  });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("several accounts of one vendor", () => {
  it("--account picks the account's key: the right one works, the refused one names its variable and entry", async () => {
    const good = await runCli(["get", "--vendor", "altur", "--account", "client-a", "1234"], {
      env,
    });
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^id\s+1234$/m);
    // Without --account: the default account (client-a).
    const byDefault = await runCli(["get", "--vendor", "altur", "1234", "--json"], { env });
    expect(byDefault.code).toBe(0);
    expect(JSON.parse(byDefault.stdout)).toMatchObject({ vendor: "altur", id: "1234" });

    const refused = await runCli(["get", "--vendor", "altur", "--account", "client-b", "1234"], {
      env,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/code AUTH/);
    expect(refused.stderr).toContain(`hint: ${REFUSED_HINT}`);
    const asJson = await runCli(
      ["pause", "--vendor", "altur", "--account", "client-b", "1234", "--json"],
      { env },
    );
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stderr)).toMatchObject({ code: "AUTH", hint: REFUSED_HINT });
  });

  it("an unknown account is a configuration error naming the known ones", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--account", "client-c"], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'altur: no account "client-c": the accounts are client-a, client-b; did you mean client-a?',
    );
    const single = await runCli(["list", "--vendor", "convoso", "--account", "client-a"], { env });
    expect(single.code).toBe(3);
    expect(single.stderr).toContain('convoso: no account "client-a": the accounts are default');
    for (const command of ["watch", "board"]) {
      const other = await runCli([command, "--vendor", "altur", "--account", "client-c"], { env });
      expect(other.code).toBe(3);
      expect(other.stderr).toContain('altur: no account "client-c"');
    }
    // The single-account shape's one account is "default".
    const plain = await runCli(["list", "--vendor", "convoso", "--account", "default", "--json"], {
      env,
    });
    expect(plain.code).toBe(0);
  });

  it("list without --vendor lists every vendor × account, with an ACCOUNT column", async () => {
    const result = await runCli(["list", "--limit", "2"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^VENDOR\s+ACCOUNT\s+ID\s+NAME/);
    expect(result.stdout).toMatch(/^altur\s+client-a\s+1234\s/m);
    expect(result.stdout).toMatch(/^convoso\s+default\s+\S+/m);
    expect(result.stdout).toMatch(/on altur \(client-a\), .*; altur \(client-b\) failed\n$/);
    expect(result.stderr).toContain(`hint: ${REFUSED_HINT}`);

    const one = await runCli(["list", "--account", "client-a", "--json"], { env });
    expect(one.code).toBe(0);
    const campaigns = JSON.parse(one.stdout) as Array<{ vendor: string; account: string }>;
    expect(campaigns.length).toBeGreaterThan(0);
    expect(new Set(campaigns.map((c) => `${c.vendor} ${c.account}`))).toEqual(
      new Set(["altur client-a"]),
    );
  });

  it("apply sends each line with its account's key; the journal and the report carry the account", async () => {
    writeFileSync(
      join(dir, "changes.csv"),
      [
        "vendor,account,id,name",
        "altur,client-a,1234,Client A first",
        "altur,client-b,1236,Client B",
        "altur,,1237,Default account",
        "altur,client-a,1238,Client A second",
        "",
      ].join("\n"),
    );
    const before = sandbox.requests("altur").length;
    const result = await runCli(["apply", "changes.csv", "--json"], { env, cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ApplyReport;
    const byLine = new Map(report.lines.map((line) => [line.line, line]));
    expect(byLine.get(2)).toMatchObject({ account: "client-a", outcome: "applied" });
    expect(byLine.get(3)).toMatchObject({ account: "client-b", outcome: "pending", code: "AUTH" });
    expect(byLine.get(3)?.message).toContain("altur account client-b refused the credential");
    expect(byLine.get(3)?.message).toContain("CAMPAIGNKIT_ALTUR_CLIENT_B_API_KEY");
    expect(byLine.get(4)).toMatchObject({ outcome: "applied" });
    expect(byLine.get(4)).not.toHaveProperty("account");
    expect(byLine.get(5)).toMatchObject({ account: "client-a", outcome: "applied" });
    expect(report.counts).toMatchObject({ applied: 3, pending: 1 });
    // Client B's key reached the sandbox once at most (its refusal stops its lines).
    expect(sandbox.requests("altur").length).toBeGreaterThan(before);

    const records = readFileSync(join(dir, "changes.csv.journal"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; line?: number; account?: string });
    const started = records.filter((record) => record.type === "started");
    expect(started.map((record) => [record.line, record.account])).toEqual(
      expect.arrayContaining([
        [2, "client-a"],
        [5, "client-a"],
      ]),
    );
    const outcomes = records.filter((record) => record.type === "outcome");
    expect(outcomes.find((record) => record.line === 2)?.account).toBe("client-a");
    expect(outcomes.find((record) => record.line === 4)).not.toHaveProperty("account");
    expect(outcomes.find((record) => record.line === 3)).toBeUndefined();

    // The printed report names the accounts, and the refused one.
    const text = await runCli(["apply", "changes.csv", "--dry-run"], { env, cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("line 3  altur (account client-b) 1236  set name");
    expect(text.stdout).toContain("(accounts named by the lines: altur client-a, altur client-b)");
  });

  it("--resume with client-b's key corrected sends only client-b's line, with its account", async () => {
    const fixed = { ...env, CAMPAIGNKIT_ALTUR_CLIENT_B_API_KEY: sandbox.vendors.altur.apiKey };
    const result = await runCli(["apply", "changes.csv", "--resume", "--json"], {
      env: fixed,
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ApplyReport;
    const byLine = new Map(report.lines.map((line) => [line.line, line]));
    expect(byLine.get(3)).toMatchObject({ account: "client-b", outcome: "applied" });
    expect(byLine.get(3)).not.toHaveProperty("fromJournal");
    expect(byLine.get(2)).toMatchObject({ account: "client-a", fromJournal: true });
    const outcome = readFileSync(join(dir, "changes.csv.journal"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; line?: number; account?: string })
      .find((record) => record.type === "outcome" && record.line === 3);
    expect(outcome?.account).toBe("client-b");
  });

  it("apply with an unknown account stops before anything is sent (exit 3)", async () => {
    writeFileSync(
      join(dir, "unknown.jsonl"),
      `${JSON.stringify({ vendor: "altur", account: "client-z", id: "1234", action: "pause" })}\n`,
    );
    const before = sandbox.requests("altur").length;
    const result = await runCli(["apply", "unknown.jsonl"], { env, cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'altur: no account "client-z": the accounts are client-a, client-b',
    );
    expect(sandbox.requests("altur").length).toBe(before);
  });

  it("never prints a credential (the named account's canary key included)", () => {
    expect(captured.length).toBeGreaterThan(5);
    expect(captured.some((text) => text.includes("client-b"))).toBe(true);
    expect(leaks()).toEqual([]);
  });
});
