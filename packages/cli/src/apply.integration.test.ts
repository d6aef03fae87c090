import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import {
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxVendor,
  startSandbox,
} from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "./commands/apply.js";
import {
  captured,
  cleanEnv,
  leaks,
  runCli,
  sandboxEnv,
  startCli,
} from "./test-support/spawn-cli.js";

const VENDORS = SANDBOX_VENDORS;
const dir = mkdtempSync(join(tmpdir(), "campaignkit-apply-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Listed {
  id: string;
  name?: string;
  status: string;
  pacing?: { callsPerMinute?: number | "max"; maxConcurrentCalls?: number };
}

/** The operations that change a campaign, per vendor (the sandbox logs their operationId). */
const WRITES = new Set([
  "updateCampaign",
  "pauseCampaign",
  "resumeCampaign",
  "setCampaignStatus",
  "changeCampaign",
  "updateCallCampaign",
]);

async function listAll(env: NodeJS.ProcessEnv): Promise<Record<string, Listed[]>> {
  const all: Record<string, Listed[]> = {};
  for (const vendor of VENDORS) {
    const result = await runCli(["list", "--vendor", vendor, "--json"], { env });
    expect(result.code, result.stderr).toBe(0);
    all[vendor] = JSON.parse(result.stdout) as Listed[];
  }
  return all;
}

interface Built {
  text: string;
  /** Line numbers expected to be rejected before anything is sent, with their field. */
  invalid: Map<number, string | undefined>;
  /** Line numbers whose change already holds. */
  unchanged: Set<number>;
  lines: number;
}

/**
 * About 60 JSONL lines across the five vendors, one campaign per line: changes that apply,
 * changes already in place, and invalid lines (rejected up front with their field).
 */
function buildChanges(campaigns: Record<string, Listed[]>): Built {
  const rows: Array<{ text: string; invalid?: string | null; unchanged?: boolean }> = [];
  const json = (value: unknown) => JSON.stringify(value);
  const take = (vendor: string, statuses: string[], count: number) =>
    (campaigns[vendor] ?? []).filter((c) => statuses.includes(c.status)).slice(0, count);

  for (const c of take("altur", ["active", "paused"], 10)) {
    rows.push({ text: json({ vendor: "altur", id: c.id, patch: { name: `Bulk altur ${c.id}` } }) });
  }
  for (const c of take("altur", ["draft"], 2)) {
    rows.push({
      text: json({ vendor: "altur", id: c.id, patch: { name: c.name } }),
      unchanged: true,
    });
  }
  for (const c of take("asisso", ["draft", "paused"], 8)) {
    const next = (c.pacing?.maxConcurrentCalls ?? 10) === 33 ? 34 : 33;
    rows.push({
      text: json({ vendor: "asisso", id: c.id, patch: { pacing: { maxConcurrentCalls: next } } }),
    });
  }
  for (const c of take("asisso", ["active"], 4)) {
    rows.push({ text: json({ vendor: "asisso", id: c.id, action: "pause" }) });
  }
  for (const c of take("convoso", ["active"], 5)) {
    rows.push({ text: json({ vendor: "convoso", id: c.id, action: "pause" }) });
  }
  for (const c of take("convoso", ["paused"], 3)) {
    rows.push({ text: json({ vendor: "convoso", id: c.id, action: "pause" }), unchanged: true });
  }
  for (const c of take("velip", ["active", "paused"], 8)) {
    const next = c.pacing?.callsPerMinute === 7 ? 8 : 7;
    rows.push({
      text: json({ vendor: "velip", id: c.id, patch: { pacing: { callsPerMinute: next } } }),
    });
  }
  for (const c of take("voxo", ["active", "paused"], 10)) {
    rows.push({ text: json({ vendor: "voxo", id: c.id, patch: { name: `Bulk voxo ${c.id}` } }) });
  }
  for (const c of take("voxo", ["active"], 12).slice(10, 12)) {
    rows.push({ text: json({ vendor: "voxo", id: c.id, action: "resume" }), unchanged: true });
  }
  // Invalid lines, spread through the file.
  const invalid: Array<[string, string | null]> = [
    [json({ vendor: "convoso", id: "111", patch: { name: "Renamed" } }), "name"],
    [json({ vendor: "altur", id: "abc", action: "pause" }), "id"],
    [
      json({ vendor: "velip", id: "987654", patch: { pacing: { callsPerMinute: 0 } } }),
      "pacing.callsPerMinute",
    ],
    [json({ vendor: "voxo", id: "101", patch: { name: "ab" } }), "name"],
    [json({ vendor: "acme", id: "1", action: "pause" }), "vendor"],
    ["{not json", null],
    [
      json({ vendor: "asisso", id: "123", patch: { schedule: { timezone: "Europe/Lisbon" } } }),
      "schedule.timezone",
    ],
    [
      json({ vendor: "altur", id: "1234", patch: { pacing: { callsPerMinute: 5 } } }),
      "pacing.callsPerMinute",
    ],
  ];
  invalid.forEach(([text, field], index) => {
    rows.splice(3 + index * 7, 0, { text, invalid: field });
  });

  const result: Built = { text: "", invalid: new Map(), unchanged: new Set(), lines: rows.length };
  rows.forEach((row, index) => {
    const line = index + 1;
    if (row.invalid !== undefined) result.invalid.set(line, row.invalid ?? undefined);
    if (row.unchanged) result.unchanged.add(line);
  });
  result.text = `${rows.map((row) => row.text).join("\n")}\n`;
  return result;
}

/** Successful write requests per vendor and path, from the sandbox's request log. */
function writesOf(sandbox: Sandbox, vendor: SandboxVendor): string[] {
  return sandbox
    .requests(vendor)
    .filter((r) => r.operationId && WRITES.has(r.operationId) && r.status >= 200 && r.status < 300)
    .map((r) => `${r.method} ${r.path}`);
}

function expectEveryLineOnce(report: ApplyReport, lines: number) {
  const numbers = report.lines.map((line) => line.line).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: lines }, (_, i) => i + 1));
  const { counts } = report;
  expect(counts.lines).toBe(lines);
  expect(counts.applied + counts.unchanged + counts.rejected).toBe(lines);
  expect(counts.pending).toBe(0);
}

describe("campaignkit apply", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ extraCampaigns: 16 });
    env = cleanEnv(sandboxEnv(sandbox));
  });
  afterAll(() => sandbox?.close());

  it("applies ~60 lines across vendors: invalid lines rejected up front with line and field, unchanged ones not sent", async () => {
    const built = buildChanges(await listAll(env));
    expect(built.lines).toBeGreaterThanOrEqual(55);
    writeFileSync(join(dir, "bulk.jsonl"), built.text);
    const result = await runCli(["apply", "bulk.jsonl", "--json"], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(1); // some lines were rejected
    const report = JSON.parse(result.stdout) as ApplyReport;
    expectEveryLineOnce(report, built.lines);

    const rejected = report.lines.filter((line) => line.outcome === "rejected");
    expect(new Map(rejected.map((line) => [line.line, line.field]))).toEqual(built.invalid);
    expect(
      report.lines
        .filter((line) => line.outcome === "unchanged")
        .map((line) => line.line)
        .sort((a, b) => a - b), // --json lists lines in the order they were done
    ).toEqual([...built.unchanged]);
    expect(report.counts.applied).toBe(built.lines - built.invalid.size - built.unchanged.size);
    // Invalid lines never reached a vendor; each campaign was written once.
    for (const vendor of VENDORS) {
      const writes = writesOf(sandbox, vendor);
      if (vendor !== "convoso" && vendor !== "velip") {
        expect(new Set(writes).size, vendor).toBe(writes.length);
      }
      const applied = report.lines.filter((l) => l.vendor === vendor && l.outcome === "applied");
      expect(writes.length, vendor).toBe(applied.length);
    }
    expect(
      sandbox.requests("convoso").some((r) => r.path.includes("111") && r.method !== "POST"),
    ).toBe(false);

    // Run again (a new journal): everything valid is now in place, nothing is written.
    const before = VENDORS.map((vendor) => writesOf(sandbox, vendor).length);
    const again = await runCli(["apply", "bulk.jsonl", "--journal", "again.journal"], {
      env,
      cwd: dir,
    });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^applied\s+0$/m);
    expect(again.stdout).toMatch(
      new RegExp(`^unchanged\\s+${built.lines - built.invalid.size}$`, "m"),
    );
    expect(again.stdout).toMatch(/^LINE\s+VENDOR\s+ID\s+CODE\s+FIELD\s+MESSAGE$/m);
    expect(VENDORS.map((vendor) => writesOf(sandbox, vendor).length)).toEqual(before);

    // An existing journal without --resume is refused: exit 2.
    const refused = await runCli(["apply", "bulk.jsonl"], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--resume");
  });

  it("--dry-run prints each line's plan and sends nothing", async () => {
    const file = join(dir, "plan.csv");
    writeFileSync(
      file,
      "vendor,id,name,schedule.timezone,schedule.callingHours,action\n" +
        "voxo,101,Dry run,Europe/Lisbon,09:00-17:00,\n" +
        "convoso,111,,,,pause\n" +
        "convoso,222,,Europe/Lisbon,,\n",
    );
    const requests = VENDORS.map((vendor) => sandbox.requests(vendor).length);
    const result = await runCli(["apply", "plan.csv", "--dry-run"], { env, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "line 2  voxo 101  set name, schedule.timezone, schedule.callingHours",
    );
    expect(result.stdout).toContain(
      `PATCH ${sandbox.vendors.voxo.baseURL}/admin/call-campaigns/101`,
    );
    expect(result.stdout).toContain("authorization: Bearer REDACTED");
    expect(result.stdout).toMatch(/^4\s+convoso\s+222\s+UNSUPPORTED\s+schedule\.timezone/m);
    expect(VENDORS.map((vendor) => sandbox.requests(vendor).length)).toEqual(requests);
    expect(existsSync(join(dir, "plan.csv.journal"))).toBe(false);
  });

  it("applies a CSV file and prints the report table", async () => {
    writeFileSync(
      join(dir, "small.csv"),
      "vendor,id,status,redial.maxRetries,action\naltur,1237,,3,\nconvoso,222,,,resume\nvelip,987653,active,,\n",
    );
    const result = await runCli(["apply", "small.csv", "--concurrency", "2"], { env, cwd: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^OUTCOME\s+LINES$/m);
    expect(result.stdout).toMatch(/^applied\s+3$/m);
    expect(result.stdout).toMatch(/^total\s+3$/m);
    expect(result.stderr).toBe(""); // no progress bar: stderr is not a terminal
  });
});

describe("campaignkit apply, killed mid-run, then --resume", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ extraCampaigns: 16 });
    env = cleanEnv(sandboxEnv(sandbox));
  });
  afterAll(() => sandbox?.close());

  it("accounts for every line exactly once and writes no campaign twice", async () => {
    const built = buildChanges(await listAll(env));
    writeFileSync(join(dir, "killed.jsonl"), built.text);
    const journal = join(dir, "killed.jsonl.journal");
    // Slow every vendor down so that the kill lands in the middle of the run (real time on
    // purpose: a real process is killed between real requests; 150 ms per request keeps it short).
    for (const vendor of VENDORS) {
      sandbox.injectFaults(vendor, { kind: "latency", ms: 150, times: 400 });
    }
    const outcomeLines = () =>
      existsSync(journal)
        ? readFileSync(journal, "utf8")
            .split("\n")
            .filter((line) => line.includes('"type":"outcome"') && !line.includes('"rejected"'))
            .length
        : 0;
    const { child, done } = startCli(["apply", "killed.jsonl", "--concurrency", "4"], {
      env,
      cwd: dir,
    });
    while (outcomeLines() < 6 && child.exitCode === null) await delay(20);
    expect(child.exitCode, "the run ended before it could be killed").toBeNull();
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");

    const records = readFileSync(journal, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { type: string; line?: number });
    const finished = new Set(records.filter((r) => r.type === "outcome").map((r) => r.line));
    expect(finished.size).toBeLessThan(built.lines); // it really stopped mid-run
    const startedOnly = records
      .filter((r) => r.type === "started" && !finished.has(r.line))
      .map((r) => r.line as number);

    const resumed = await runCli(["apply", "killed.jsonl", "--resume", "--json"], {
      env,
      cwd: dir,
    });
    expect(resumed.code, resumed.stderr).toBe(1); // the invalid lines stay rejected
    const report = JSON.parse(resumed.stdout) as ApplyReport;
    expectEveryLineOnce(report, built.lines);
    expect(report.lines.filter((line) => line.fromJournal).length).toBe(finished.size);
    const rejected = report.lines.filter((line) => line.outcome === "rejected");
    expect(new Map(rejected.map((line) => [line.line, line.field]))).toEqual(built.invalid);
    for (const line of startedOnly) {
      const outcome = report.lines.find((l) => l.line === line);
      expect(["applied", "unchanged"]).toContain(outcome?.outcome);
    }

    // The journal holds exactly one outcome per line over both runs.
    const all = readFileSync(journal, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { type: string; line?: number });
    const outcomes = all.filter((r) => r.type === "outcome").map((r) => r.line);
    expect(outcomes.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: built.lines }, (_, i) => i + 1),
    );

    // No campaign was written twice: per path for the vendors with the id in the path, and
    // in total (a line cut off mid-write may have landed once) for Convoso and Velip.
    for (const vendor of VENDORS) {
      const writes = writesOf(sandbox, vendor);
      if (vendor !== "convoso" && vendor !== "velip") {
        expect(new Set(writes).size, `${vendor}: ${writes.join(", ")}`).toBe(writes.length);
      }
      const mine = report.lines.filter((l) => l.vendor === vendor);
      const applied = mine.filter((l) => l.outcome === "applied").length;
      const landedBefore = mine.filter(
        (l) => l.outcome === "unchanged" && l.message?.startsWith("applied before"),
      ).length;
      expect(writes.length, vendor).toBeGreaterThanOrEqual(applied);
      expect(writes.length, vendor).toBeLessThanOrEqual(applied + landedBefore);
    }

    // And every valid, not-already-in-place line is now in place: a fresh run writes nothing.
    const check = await runCli(["apply", "killed.jsonl", "--journal", "check.journal", "--json"], {
      env,
      cwd: dir,
    });
    const after = JSON.parse(check.stdout) as ApplyReport;
    expect(after.counts.applied).toBe(0);
    expect(after.counts.unchanged).toBe(built.lines - built.invalid.size);
  });
});

describe("credentials", () => {
  it("no output of this file contains an API key", () => {
    expect(captured.length).toBeGreaterThan(10);
    expect(leaks()).toEqual([]);
  });
});
