import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CampaignPatch, CampaignProvider, ProviderSettings } from "@campaignkit/core";
import {
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxVendor,
  startSandbox,
} from "@campaignkit/sandbox";
import { median, percentile } from "./measure.ts";
import { VENDORS } from "./vendors.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, "..", "..", "cli", "dist", "bin.js");
const RAW_FETCH = join(HERE, "raw-fetch-apply.ts");
const REPORT_MAX_RSS = join(HERE, "report-max-rss.mjs");
/** Each vendor's provider, with the settings its spec's examples need (VOXO's tenant). */
const CREATE = Object.fromEntries(
  VENDORS.map((vendor) => [
    vendor.id,
    (settings: ProviderSettings) =>
      vendor.definition.create({ ...vendor.sampleSettings, ...settings }),
  ]),
) as Record<SandboxVendor, (settings: ProviderSettings) => CampaignProvider>;

/** The vendors whose campaigns can be renamed: the others' changes pause and resume. */
const CAN_RENAME = new Set(
  VENDORS.filter((vendor) => vendor.definition.capabilities.patch.name.supported).map(
    (vendor) => vendor.id,
  ),
);

interface Change {
  vendor: SandboxVendor;
  id: string;
  patch: CampaignPatch;
}

export interface BulkRun {
  lines: number;
  seconds: number;
  linesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMB?: number;
  status429?: number;
}

/** Campaigns every change can be written to (Asisso: draft or paused; Altur: not finished). */
function writableIds(sandbox: Sandbox, vendor: SandboxVendor): string[] {
  return (sandbox.campaigns(vendor) as Record<string, unknown>[])
    .filter((c) =>
      vendor === "asisso"
        ? c.state === "draft" || c.state === "paused"
        : vendor === "altur"
          ? c.status !== "finished"
          : true,
    )
    .map((c) => String(c.id ?? c.cp_id));
}

function changesFor(sandbox: Sandbox, total: number, vendors: readonly SandboxVendor[]): Change[] {
  const pools = Object.fromEntries(vendors.map((v) => [v, writableIds(sandbox, v)])) as Record<
    SandboxVendor,
    string[]
  >;
  return Array.from({ length: total }, (_, i) => {
    const vendor = vendors[i % vendors.length] as SandboxVendor;
    const pool = pools[vendor];
    const id = pool[Math.floor(i / vendors.length) % pool.length] as string;
    const patch: CampaignPatch = CAN_RENAME.has(vendor)
      ? { name: `Bulk change ${i}` }
      : { status: i % 2 === 0 ? "paused" : "active" };
    return { vendor, id, patch };
  });
}

function envFor(sandbox: Sandbox): Record<string, string> {
  const env: Record<string, string> = {};
  for (const vendor of SANDBOX_VENDORS) {
    const upper = vendor.toUpperCase();
    env[`CAMPAIGNKIT_${upper}_API_KEY`] = sandbox.vendors[vendor].apiKey;
    env[`CAMPAIGNKIT_${upper}_BASE_URL`] = sandbox.vendors[vendor].baseURL;
  }
  env.CAMPAIGNKIT_VOXO_TENANT_ID = "42";
  return env;
}

/** Runs a script as its own process (the CLI as a user would), reading its peak RSS from /proc. */
async function runProcess(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ seconds: number; peakRssKB: number; code: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  let peakRssKB = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakRssKB = Math.max(peakRssKB, hwm);
    } catch {
      // the process has exited
    }
  }, 20);
  const code = await new Promise<number>((resolve) =>
    child.on("close", (status) => resolve(status ?? 1)),
  );
  clearInterval(poll);
  return { seconds: (performance.now() - started) / 1000, peakRssKB, code, stdout };
}

/** Per-line latency from the journal: `started` to its outcome record. */
function journalLatencies(path: string): number[] {
  const started = new Map<number, number>();
  const latencies: number[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as {
      type?: string;
      line?: number;
      at?: string;
      outcome?: string;
    };
    if (record.line === undefined || !record.at) continue;
    if (record.type === "started") started.set(record.line, Date.parse(record.at));
    else if (record.outcome && started.has(record.line))
      latencies.push(Date.parse(record.at) - (started.get(record.line) ?? 0));
  }
  return latencies;
}

/** The same writes as `apply`, planned by each provider, sent with global fetch by a process of their own. */
async function runRawFetch(
  sandbox: Sandbox,
  changes: Change[],
  concurrency: number,
  dir: string,
): Promise<BulkRun> {
  const providers = Object.fromEntries(
    SANDBOX_VENDORS.map((v) => [v, CREATE[v]({ ...sandbox.vendors[v], rateLimit: false })]),
  ) as Record<SandboxVendor, CampaignProvider>;
  const planned = await Promise.all(
    changes.map(async (change) =>
      (await providers[change.vendor].planUpdate(change.id, change.patch)).map((request) => ({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [
            k,
            v.replace("REDACTED", sandbox.vendors[change.vendor].apiKey),
          ]),
        ),
        body: request.body?.replace("REDACTED", sandbox.vendors[change.vendor].apiKey),
      })),
    ),
  );
  const file = join(dir, "planned.json");
  writeFileSync(file, JSON.stringify(planned));
  const run = await runProcess(RAW_FETCH, [file, String(concurrency)]);
  const { seconds, latencies } = JSON.parse(run.stdout) as { seconds: number; latencies: number[] };
  return {
    lines: changes.length,
    seconds,
    linesPerSecond: changes.length / seconds,
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
    peakRssMB: run.peakRssKB / 1024,
  };
}

/** `campaignkit apply` of `total` changes across the five sandbox vendors, against raw fetch. */
export async function benchBulkApply(
  total = 10_000,
  concurrency = 32,
): Promise<{ cli: BulkRun; rawFetch: BulkRun }> {
  const dir = mkdtempSync(join(tmpdir(), "ck-bench-"));
  const sandbox = await startSandbox({ extraCampaigns: 200, enforceRateLimits: false });
  try {
    const changes = changesFor(sandbox, total, SANDBOX_VENDORS);
    const file = join(dir, "changes.jsonl");
    writeFileSync(file, `${changes.map((c) => JSON.stringify(c)).join("\n")}\n`);
    const args = [
      "apply",
      file,
      "--no-read",
      "--concurrency",
      String(concurrency),
      "--rate",
      "altur=none",
      "--json",
    ];
    const run = await runProcess(CLI, args, envFor(sandbox));
    if (run.code !== 0) throw new Error(`campaignkit apply exited ${run.code}`);
    const latencies = journalLatencies(`${file}.journal`);
    const cli: BulkRun = {
      lines: total,
      seconds: run.seconds,
      linesPerSecond: total / run.seconds,
      p50Ms: median(latencies),
      p99Ms: percentile(latencies, 99),
      peakRssMB: run.peakRssKB / 1024,
    };
    sandbox.reset();
    const rawFetch = await runRawFetch(sandbox, changes, concurrency, dir);
    return { cli, rawFetch };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `campaignkit apply` of `total` Altur changes with the default limiter (12/s) against the sandbox's enforced limit. */
export async function benchAlturLimiter(
  total = 240,
  concurrency = 32,
): Promise<BulkRun & { floorSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), "ck-bench-"));
  const sandbox = await startSandbox({
    vendors: ["altur"],
    extraCampaigns: 50,
    enforceRateLimits: true,
  });
  try {
    const changes = changesFor(sandbox, total, ["altur"]);
    const file = join(dir, "altur.jsonl");
    writeFileSync(file, `${changes.map((c) => JSON.stringify(c)).join("\n")}\n`);
    const run = await runProcess(
      CLI,
      ["apply", file, "--no-read", "--concurrency", String(concurrency), "--json"],
      envFor(sandbox),
    );
    if (run.code !== 0) throw new Error(`campaignkit apply exited ${run.code}`);
    const latencies = journalLatencies(`${file}.journal`);
    const status429 = sandbox.requests("altur").filter((r) => r.status === 429).length;
    return {
      lines: total,
      seconds: run.seconds,
      linesPerSecond: total / run.seconds,
      p50Ms: median(latencies),
      p99Ms: percentile(latencies, 99),
      peakRssMB: run.peakRssKB / 1024,
      status429,
      floorSeconds: total / 12,
    };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of one `campaignkit apply` at one file size. */
export interface ApplyMemoryPoint {
  mode: "dry-run" | "apply";
  lines: number;
  /** The Node options of the run, when not the defaults (`--max-semi-space-size=16`). */
  nodeOptions?: string;
  seconds: number;
  peakRssMB: number;
}

/**
 * Runs the CLI with its output thrown away (a 200,000-line dry run prints every plan) and reads
 * its exact peak RSS: `getrusage`'s maxRSS of the process, reported at its exit by a module
 * loaded with `--import`.
 */
async function peakRssOf(
  args: string[],
  env: Record<string, string>,
  dir: string,
  nodeOptions: string[] = [],
): Promise<{ seconds: number; peakRssMB: number; code: number }> {
  const rssFile = join(dir, `rss-${Date.now()}-${Math.random()}`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeOptions, "--import", REPORT_MAX_RSS, CLI, ...args],
    {
      env: { ...process.env, ...env, CK_MAX_RSS_FILE: rssFile },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const code = await new Promise<number>((resolve) =>
    child.on("close", (status) => resolve(status ?? 1)),
  );
  const seconds = (performance.now() - started) / 1000;
  const maxRssKB = Number(readFileSync(rssFile, "utf8"));
  return { seconds, peakRssMB: maxRssKB / 1024, code };
}

/**
 * The memory curve of `apply`: peak RSS against file size, for a dry run and for a real run
 * (`--no-read`, limiter off, against the sandbox with its rate limits off), each in a process
 * of its own. The goal: flat, under 300 MB at 200,000 dry-run lines and 150,000 real ones.
 * `cappedLines`: real runs once more with V8's young generation capped
 * (`--max-semi-space-size=16`), which is what most of a real run's peak is made of.
 */
export async function benchApplyMemory(
  dryRunLines: readonly number[] = [10_000, 50_000, 200_000],
  applyLines: readonly number[] = [10_000, 50_000, 150_000],
  cappedLines: readonly number[] = [150_000],
): Promise<ApplyMemoryPoint[]> {
  const dir = mkdtempSync(join(tmpdir(), "ck-bench-memory-"));
  const sandbox = await startSandbox({ extraCampaigns: 200, enforceRateLimits: false });
  const points: ApplyMemoryPoint[] = [];
  try {
    const measure = async (
      mode: ApplyMemoryPoint["mode"],
      lines: number,
      nodeOptions: string[] = [],
    ) => {
      sandbox.reset();
      const file = join(dir, `${mode}-${lines}${nodeOptions.length > 0 ? "-capped" : ""}.jsonl`);
      const changes = changesFor(sandbox, lines, SANDBOX_VENDORS);
      writeFileSync(file, `${changes.map((c) => JSON.stringify(c)).join("\n")}\n`);
      const args =
        mode === "dry-run"
          ? ["apply", file, "--dry-run"]
          : ["apply", file, "--no-read", "--concurrency", "32", "--rate", "altur=none"];
      const run = await peakRssOf(args, envFor(sandbox), dir, nodeOptions);
      if (run.code !== 0) throw new Error(`campaignkit ${args.join(" ")} exited ${run.code}`);
      points.push({
        mode,
        lines,
        ...(nodeOptions.length > 0 ? { nodeOptions: nodeOptions.join(" ") } : {}),
        seconds: run.seconds,
        peakRssMB: run.peakRssMB,
      });
    };
    for (const lines of dryRunLines) await measure("dry-run", lines);
    for (const lines of applyLines) await measure("apply", lines);
    for (const lines of cappedLines) await measure("apply", lines, ["--max-semi-space-size=16"]);
    return points;
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
