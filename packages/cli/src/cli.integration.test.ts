import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SANDBOX_VENDORS, type Sandbox } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import {
  CANARY_KEY,
  captured,
  cleanEnv,
  leaks,
  runCli,
  startCli,
} from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
const dir = sandboxForCli((started, startedEnv) => {
  sandbox = started;
  env = startedEnv;
});

const COMMANDS = [
  "list",
  "get",
  "update",
  "pause",
  "resume",
  "plan",
  "capabilities",
  "apply",
  "sandbox",
  "tour",
  "watch",
  "completion",
];

describe("help and usage errors", () => {
  it("prints the overview with --help, exit 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: campaignkit <command> [options]");
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command}`);
    expect(result.stdout).toContain("Exit codes:");
  });

  it("every command has --help, exit 0", async () => {
    for (const command of COMMANDS) {
      const result = await runCli([command, "--help"]);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain(`Usage: campaignkit ${command}`);
    }
  });

  it("exits 2 on a usage error, saying what is wrong on stderr", async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: campaignkit/],
      [["frobnicate"], /unknown command "frobnicate"/],
      [["get", "1"], /--vendor is required/],
      [["list", "--vendor", "acme"], /--vendor acme is not one of/],
      [["list", "--vendor", "altur", "--bogus"], /Unknown option '--bogus'/],
      [["get", "--vendor", "altur"], /give the campaign id/],
      [["update", "--vendor", "altur", "1234"], /give at least one --set/],
      [["update", "--vendor", "altur", "1234", "--set", "name"], /expected field=value/],
      [["apply"], /give the changes file/],
      [["apply", "changes.txt"], /\.jsonl \(or \.ndjson\) or \.csv/],
      [["apply", "missing.jsonl"], /cannot read missing\.jsonl \(ENOENT\)/],
      [["apply", "x.jsonl", "--concurrency", "0"], /--concurrency must be a positive whole number/],
      [["capabilities", "--vendor", "acme"], /is not one of/],
      [["lsit"], /unknown command "lsit"; did you mean list\?/],
      [["list", "--vendor", "altru"], /is not one of .*; did you mean altur\?/],
      [["list", "--vendr", "altur"], /Unknown option '--vendr'; did you mean --vendor\?/],
      [["capabilities", "--vendor", "vxoo"], /did you mean voxo\?/],
      [["get", "--vendor", "altur", "1234", "--raw"], /get: --raw needs --json/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { env, cwd: dir });
      expect(result.code, args.join(" ")).toBe(2);
      expect(`${result.stdout}${result.stderr}`, args.join(" ")).toMatch(message);
    }
  });

  it("names a misordered date range once (no doubled words)", async () => {
    const result = await runCli(
      ["plan", "--vendor", "velip", "1", "--set", "schedule.startDate=2026-05-02"].concat([
        "--set",
        "schedule.endDate=2026-05-01",
      ]),
      { env, cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "invalid patch: schedule.endDate must not be before startDate (",
    );
  });

  it("points to the help once, the command's own where there is one", async () => {
    const list = await runCli(["get", "1"], { env, cwd: dir });
    expect(list.stderr.match(/see campaignkit/g)).toHaveLength(1);
    expect(list.stderr).toContain("(see campaignkit get --help)");
    const unknown = await runCli(["frobnicate"], { env, cwd: dir });
    expect(unknown.stderr.match(/see campaignkit/g)).toHaveLength(1);
    expect(unknown.stderr).toContain("(see campaignkit --help)");
  });

  it("--version prints the version of the package.json", async () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"),
    ) as { version: string };
    const result = await runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it("exits 3 naming the environment variable when a key is missing", async () => {
    const result = await runCli(["list", "--vendor", "velip"], { env: cleanEnv() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("CAMPAIGNKIT_VELIP_API_KEY");
    const voxo = await runCli(["list", "--vendor", "voxo"], {
      env: { ...env, CAMPAIGNKIT_VOXO_TENANT_ID: "" },
    });
    expect(voxo.code).toBe(3);
    expect(voxo.stderr).toContain("CAMPAIGNKIT_VOXO_TENANT_ID");
  });
});

describe("campaign commands against the sandbox", () => {
  it("list prints an aligned table, and --json the campaigns", async () => {
    const result = await runCli(["list", "--vendor", "altur"], { env });
    expect(result.code).toBe(0);
    const [header, rule, ...rows] = result.stdout.split("\n");
    expect(header).toMatch(/^ID\s+NAME\s+STATUS\s+TIMEZONE\s+CALLING HOURS/);
    expect(rule).toMatch(/^-+ {2}-+/);
    expect(rows.some((row) => row.startsWith("1234 "))).toBe(true);
    // Columns line up: STATUS starts at the same offset in every row.
    const statusAt = header?.indexOf("STATUS") ?? -1;
    expect(rows.find((row) => row.startsWith("1234 "))?.slice(statusAt)).toMatch(/^active/);

    const json = await runCli(["list", "--vendor", "voxo", "--json"], { env });
    expect(json.code).toBe(0);
    const campaigns = JSON.parse(json.stdout) as Array<{
      id: string;
      vendor: string;
      raw?: unknown;
    }>;
    expect(campaigns.map((c) => c.id)).toContain("101");
    expect(campaigns.every((c) => c.vendor === "voxo" && c.raw === undefined)).toBe(true);
  });

  it("list --status filters", async () => {
    const result = await runCli(["list", "--vendor", "convoso", "--status", "paused", "--json"], {
      env,
    });
    expect(result.code).toBe(0);
    const campaigns = JSON.parse(result.stdout) as Array<{ status: string }>;
    expect(campaigns.length).toBeGreaterThan(0);
    expect(campaigns.every((c) => c.status === "paused")).toBe(true);
  });

  it("get shows one campaign; an unknown one fails with NOT_FOUND, exit 1", async () => {
    const result = await runCli(["get", "--vendor", "velip", "987654"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^name\s+Welcome 2026$/m);
    expect(result.stdout).toMatch(/^schedule\.callingHours\s+09:00-18:00 daily$/m);
    const missing = await runCli(["get", "--vendor", "convoso", "999999"], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("code NOT_FOUND");
  });

  it("update applies --set fields and prints the campaign afterwards", async () => {
    const result = await runCli(
      [
        "update",
        "--vendor",
        "voxo",
        "123",
        "--set",
        "name=Payment reminders - wave 2",
        "--set",
        "schedule.timezone=Europe/Lisbon",
        "--set",
        "schedule.callingHours=09:00-17:00",
      ],
      { env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^name\s+Payment reminders - wave 2$/m);
    const json = await runCli(["get", "--vendor", "voxo", "123", "--json"], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({
      name: "Payment reminders - wave 2",
      schedule: {
        timezone: "Europe/Lisbon",
        callingHours: { daily: { start: "09:00", end: "17:00" } },
      },
    });
  });

  it("update takes weekly calling hours", async () => {
    const result = await runCli(
      [
        "update",
        "--vendor",
        "asisso",
        "125",
        "--json",
        "--set",
        "schedule.timezone=Europe/Lisbon",
        "--set",
        "schedule.callingHours=mon=09:00-12:00,14:00-17:00;fri=09:00-13:00",
      ],
      { env },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schedule.callingHours).toEqual({
      weekly: {
        mon: [
          { start: "09:00", end: "12:00" },
          { start: "14:00", end: "17:00" },
        ],
        fri: [{ start: "09:00", end: "13:00" }],
      },
    });
  });

  it("refuses what the vendor cannot take (UNSUPPORTED) or a bad value (VALIDATION), exit 1, nothing sent", async () => {
    const before = sandbox.requests("convoso").length;
    const unsupported = await runCli(
      ["update", "--vendor", "convoso", "111", "--set", "schedule.timezone=Europe/Lisbon"],
      { env },
    );
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain("code UNSUPPORTED, field schedule.timezone");
    expect(sandbox.requests("convoso").length).toBe(before);

    const invalid = await runCli(
      ["update", "--vendor", "altur", "1234", "--set", "redial.maxRetries=lots"],
      { env },
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("code VALIDATION, field redial.maxRetries");

    const hours = await runCli(
      ["update", "--vendor", "altur", "1234", "--set", "schedule.callingHours=17:00-09:00"],
      { env },
    );
    expect(hours.code).toBe(1);
    expect(hours.stderr).toContain("field schedule.callingHours");
  });

  it("pause and resume, with --json", async () => {
    const paused = await runCli(["pause", "--vendor", "convoso", "333", "--json"], { env });
    expect(paused.code).toBe(0);
    expect(JSON.parse(paused.stdout)).toEqual({ vendor: "convoso", id: "333", status: "paused" });
    const got = await runCli(["get", "--vendor", "convoso", "333", "--json"], { env });
    expect(JSON.parse(got.stdout).status).toBe("paused");
    const resumed = await runCli(["resume", "--vendor", "convoso", "333"], { env });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe("convoso campaign 333 is active\n");
  });

  it("plan prints the exact requests, credentials redacted, without a key and without sending", async () => {
    const noKeys = cleanEnv({ CAMPAIGNKIT_ALTUR_BASE_URL: sandbox.vendors.altur.baseURL });
    const before = sandbox.requests("altur").length;
    const result = await runCli(
      ["plan", "--vendor", "altur", "1234", "--set", "status=paused", "--set", "name=Wave 2"],
      { env: noKeys },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`POST ${sandbox.vendors.altur.baseURL}/campaigns/1234/pause`);
    expect(result.stdout).toContain("authorization: api-key REDACTED");
    expect(result.stdout).toContain('body: {"name":"Wave 2"}');
    const json = await runCli(
      ["plan", "--vendor", "convoso", "111", "--set", "status=active", "--json"],
      { env },
    );
    const plan = JSON.parse(json.stdout) as Array<{ method: string; body?: string }>;
    expect(plan[0]?.body).toBe("campaign_id=111&status=true&auth_token=REDACTED");
    expect(sandbox.requests("altur").length).toBe(before);
  });

  it("--base-url overrides the environment", async () => {
    const wrong = { ...env, CAMPAIGNKIT_VELIP_BASE_URL: "http://127.0.0.1:9/nowhere" };
    const result = await runCli(
      ["get", "--vendor", "velip", "987654", "--base-url", sandbox.vendors.velip.baseURL, "--json"],
      { env: wrong },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe("987654");
  });

  it("reads credentials from a config file (--config or CAMPAIGNKIT_CONFIG)", async () => {
    const config = join(dir, "campaignkit.json");
    writeFileSync(
      config,
      JSON.stringify({
        vendors: {
          asisso: {
            apiKey: sandbox.vendors.asisso.apiKey,
            baseURL: sandbox.vendors.asisso.baseURL,
          },
        },
      }),
    );
    const flag = await runCli(["get", "--vendor", "asisso", "124", "--config", config], {
      env: cleanEnv(),
    });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^id\s+124$/m);
    const fromEnv = await runCli(["list", "--vendor", "asisso"], {
      env: cleanEnv({ CAMPAIGNKIT_CONFIG: config }),
    });
    expect(fromEnv.code).toBe(0);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{");
    const bad = await runCli(["list", "--vendor", "asisso", "--config", broken], {
      env: cleanEnv(),
    });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("is not valid JSON");
  });

  it("a refused key is AUTH, exit 1, and the key is never printed", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--json"], {
      env: { ...env, CAMPAIGNKIT_ALTUR_API_KEY: CANARY_KEY },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({ code: "AUTH", vendor: "altur" });
  });
});

describe("capabilities", () => {
  it("prints the matrix, one vendor's details, and JSON", async () => {
    const matrix = await runCli(["capabilities"]);
    expect(matrix.code).toBe(0);
    expect(matrix.stdout).toMatch(
      new RegExp(`^OPERATION / FIELD\\s+${SANDBOX_VENDORS.join("\\s+")}$`, "m"),
    );
    expect(matrix.stdout).toMatch(/^set schedule\.timezone\s+yes.*\s-\s+-\s+yes/m);
    const one = await runCli(["capabilities", "--vendor", "velip"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^pacing\.callsPerMinute\s+yes\s+lig_min/m);
    const json = await runCli(["capabilities", "--json"]);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.convoso.patch.name.supported).toBe(false);
    expect(parsed.altur.operations.getCampaign.supported).toBe(true);
  });
});

describe("campaignkit sandbox", () => {
  it("starts the simulators, prints their URLs and env lines, and stops on SIGTERM with exit 0", async () => {
    const { child, done } = startCli(["sandbox", "--json"], { env: cleanEnv() });
    const first = await new Promise<string>((resolve) => {
      let text = "";
      child.stdout?.on("data", (chunk: string) => {
        text += chunk;
        if (text.includes("\n")) resolve(text.slice(0, text.indexOf("\n")));
      });
    });
    const info = JSON.parse(first) as {
      env: Record<string, string>;
      vendors: Record<string, unknown>;
    };
    expect(Object.keys(info.vendors).sort()).toEqual([
      "altur",
      "asisso",
      "convoso",
      "velip",
      "voxo",
    ]);
    const listed = await runCli(["list", "--vendor", "voxo", "--json"], {
      env: cleanEnv(info.env),
    });
    expect(listed.code).toBe(0);
    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(0);
    // The sandbox's published keys are printed on purpose: keep them out of the scan below.
    captured.splice(captured.indexOf(result.stdout), 1);

    const text = startCli(["sandbox"], { env: cleanEnv() });
    const banner = await new Promise<string>((resolve) => {
      let out = "";
      text.child.stdout?.on("data", (chunk: string) => {
        out += chunk;
        if (out.includes("Running.")) resolve(out);
      });
    });
    expect(banner).toMatch(/^altur\s+http:\/\/127\.0\.0\.1:\d+\/altur/m);
    expect(banner).toContain("export CAMPAIGNKIT_VOXO_TENANT_ID=42");
    text.child.kill("SIGINT");
    const stopped = await text.done;
    expect(stopped.code).toBe(0);
    captured.splice(captured.indexOf(stopped.stdout), 1);
  });
});

describe("credentials", () => {
  it("no output of this file contains an API key", () => {
    expect(captured.length).toBeGreaterThan(50);
    expect(leaks()).toEqual([]);
  });
});
