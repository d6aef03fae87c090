import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PatchField } from "@campaignkit/core";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { runCli } from "../cli.js";
import type { CliContext, Output, Sink } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { clip, formatCallingHours, table } from "../format.js";
import { loadVendor, VENDORS, type VendorId } from "../vendor-loader.js";
import { PUBLIC_SANDBOX_KEYS, sandboxEnv } from "./sandbox.js";
import { tourWatchStep } from "./tour-watch-step.js";

/** The normalized campaign, as `list --json` prints it. */
interface Listed {
  id: string;
  name?: string;
  status: string;
  schedule?: { timezone?: string; callingHours?: Parameters<typeof formatCallingHours>[0] };
  pacing?: { callsPerMinute?: number | "max"; maxConcurrentCalls?: number };
  redial?: { maxRetries?: number };
}

type Campaigns = Map<VendorId, Listed[]>;

class TourFailure extends Error {}

const collect = (): Sink & { text: string } => ({
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

const HOURS = [
  "--set",
  "schedule.timezone=Europe/Lisbon",
  "--set",
  "schedule.callingHours=09:00-17:00",
];

/** One tour: the sandbox it runs against, and the campaigns it changed. */
class Tour {
  readonly touched = new Set<string>();
  readonly env: Record<string, string>;
  readonly #visible: Sink;

  constructor(
    readonly sandbox: Sandbox,
    readonly workDir: string,
    readonly context: CliContext,
    readonly output: Output,
  ) {
    this.env = sandboxEnv(sandbox);
    this.#visible = { write: (text: string) => context.stdout.write(text) };
  }

  heading(title: string): void {
    this.output.out(`\n== ${title} ==\n\n`);
  }

  touch(vendor: VendorId, id: string): void {
    this.touched.add(`${vendor}/${id}`);
  }

  #cli(argv: string[], stdout: Sink): Promise<number> {
    return runCli(argv, {
      env: this.env,
      cwd: this.workDir,
      stdout,
      stderr: this.#visible,
      stderrIsTTY: false,
      signal: this.context.signal,
      publicValues: PUBLIC_SANDBOX_KEYS,
    });
  }

  /** Runs a CLI command line, shown first, its output (stdout and stderr) in the tour. */
  async run(argv: string[], expected: number[] = [EXIT.OK]): Promise<number> {
    const shown = argv.map((arg) => (/[\s;'"]/.test(arg) ? `'${arg}'` : arg)).join(" ");
    this.output.out(`$ campaignkit ${shown}\n`);
    const code = await this.#cli(argv, this.#visible);
    if (this.context.signal.aborted) throw this.context.signal.reason;
    if (!expected.includes(code)) {
      throw new TourFailure(
        `\`campaignkit ${argv.join(" ")}\` exited ${code}, expected ${expected.join(" or ")}`,
      );
    }
    this.output.out(code === EXIT.OK ? "\n" : `(exit code ${code}, as expected)\n\n`);
    return code;
  }

  /** Runs `list --json` quietly and returns the campaigns. */
  async snapshot(vendor: VendorId): Promise<Listed[]> {
    const sink = collect();
    const code = await this.#cli(["list", "--vendor", vendor, "--json"], sink);
    if (code !== EXIT.OK) throw new TourFailure(`listing ${vendor} failed (exit ${code})`);
    return JSON.parse(sink.text) as Listed[];
  }

  async snapshotAll(): Promise<Campaigns> {
    const campaigns: Campaigns = new Map();
    for (const vendor of VENDORS) campaigns.set(vendor, await this.snapshot(vendor));
    return campaigns;
  }
}

/**
 * `campaignkit tour`: the guided tour. Starts the embedded sandbox, then runs the CLI's own
 * commands against it (each shown as the command line a user would type), and closes it.
 */
export async function tourCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  if (args.length > 0) throw new UsageError(`tour: unexpected argument "${args[0]}"`);
  output.out(
    `campaignkit tour: ${VENDORS.length} vendors, one command line, no vendor account needed.\n`,
  );
  output.out("Starting the embedded sandbox (@campaignkit/sandbox)...\n");
  const sandbox = await startSandbox();
  const workDir = mkdtempSync(join(tmpdir(), "campaignkit-tour-"));
  output.out(`${Object.keys(sandbox.vendors).length} simulators listening on ${sandbox.url}\n`);
  const tour = new Tour(sandbox, workDir, context, output);
  try {
    await runSteps(tour);
  } catch (error) {
    if (!(error instanceof TourFailure)) throw error;
    output.err(`tour failed: ${error.message}\n`);
    return EXIT.FAILED;
  } finally {
    await sandbox.close();
    rmSync(workDir, { recursive: true, force: true });
    output.out("\nSandbox closed; nothing left running.\n");
  }
  output.out("Tour complete.\n");
  output.out(
    "Next: the same campaigns on one live page, to pause, resume and edit from a browser:\n  campaignkit board --sandbox --open\n",
  );
  return EXIT.OK;
}

async function runSteps(tour: Tour): Promise<void> {
  const before = await tour.snapshotAll();
  await listEveryVendor(tour);
  await pauseAndResumeOnePerVendor(tour, before);
  const targets = scheduleTargets(before);
  await setCallingHours(tour, targets);
  await applyBulkFile(tour, await bulkLines(before, targets));
  await showBeforeAndAfter(tour, before);
  tour.heading("6. Watching: what changed that nobody typed here");
  await tourWatchStep(tour.sandbox, tour.env, tour.output, tour.context.signal);
}

async function listEveryVendor(tour: Tour): Promise<void> {
  tour.heading("1. The campaigns on each vendor");
  for (const vendor of VENDORS) await tour.run(["list", "--vendor", vendor]);
}

async function pauseAndResumeOnePerVendor(tour: Tour, before: Campaigns): Promise<void> {
  tour.heading("2. Pause and resume one campaign per vendor");
  for (const vendor of VENDORS) {
    const campaign = before.get(vendor)?.find((c) => c.status === "active");
    if (!campaign) {
      tour.output.out(`(${vendor}: no running campaign to pause)\n\n`);
      continue;
    }
    tour.touch(vendor, campaign.id);
    await tour.run(["pause", "--vendor", vendor, campaign.id]);
    await tour.run(["resume", "--vendor", vendor, campaign.id]);
  }
}

/** The campaign each vendor's schedule is set on: a paused one where there is one. */
function scheduleTargets(before: Campaigns): Map<VendorId, string> {
  const targets = new Map<VendorId, string>();
  for (const vendor of VENDORS) {
    const campaigns = before.get(vendor) ?? [];
    // Asisso updates only draft or paused campaigns: prefer a paused one everywhere.
    const target =
      campaigns.find((c) => c.status === "paused") ?? campaigns.find((c) => c.status === "active");
    if (target) targets.set(vendor, target.id);
  }
  return targets;
}

async function setCallingHours(tour: Tour, targets: Map<VendorId, string>): Promise<void> {
  tour.heading("3. Calling hours 09:00-17:00, Europe/Lisbon, where the vendor can");
  tour.output.out("First the exact requests, credentials redacted (plan sends nothing):\n\n");
  const alturTarget = targets.get("altur");
  if (alturTarget) await tour.run(["plan", "--vendor", "altur", alturTarget, ...HOURS]);
  for (const vendor of VENDORS) {
    const id = targets.get(vendor);
    if (id) await setCallingHoursOn(tour, vendor, id);
  }
}

/** The hours and zone where the vendor takes both; else the refusal, then the hours alone. */
async function setCallingHoursOn(tour: Tour, vendor: VendorId, id: string): Promise<void> {
  const { patch } = (await loadVendor(vendor)).capabilities;
  const canHours = patch["schedule.callingHours"].supported;
  if (patch["schedule.timezone"].supported && canHours) {
    tour.touch(vendor, id);
    await tour.run(["update", "--vendor", vendor, id, ...HOURS]);
    return;
  }
  tour.output.out(
    `${vendor} cannot take this change; campaignkit refuses it before any request:\n`,
  );
  await tour.run(["update", "--vendor", vendor, id, ...HOURS], [EXIT.FAILED]);
  if (canHours) {
    tour.output.out(`${vendor} can set the hours without a time zone:\n`);
    tour.touch(vendor, id);
    await tour.run([
      "update",
      "--vendor",
      vendor,
      id,
      "--set",
      "schedule.callingHours=09:00-17:00",
    ]);
  }
}

async function applyBulkFile(tour: Tour, lines: BulkLine[]): Promise<void> {
  tour.heading("4. A bulk file across vendors");
  const file = join(tour.workDir, "changes.jsonl");
  writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  for (const line of lines) tour.touch(line.vendor, line.id);
  tour.output.out(`${file}:\n`);
  lines.forEach((line, index) => {
    tour.output.out(`  ${String(index + 1).padStart(2)}  ${JSON.stringify(line)}\n`);
  });
  tour.output.out("\n");
  await tour.run(["apply", "--dry-run", "changes.jsonl"], [EXIT.OK, EXIT.FAILED]);
  await tour.run(["apply", "changes.jsonl"], [EXIT.OK, EXIT.FAILED]);
}

async function showBeforeAndAfter(tour: Tour, before: Campaigns): Promise<void> {
  tour.heading("5. Before and after");
  const rows: string[][] = [];
  for (const vendor of VENDORS) {
    const after = await tour.snapshot(vendor);
    for (const campaign of before.get(vendor) ?? []) {
      if (!tour.touched.has(`${vendor}/${campaign.id}`)) continue;
      const now = after.find((c) => c.id === campaign.id);
      rows.push(beforeAfterRow(vendor, campaign, now));
    }
  }
  tour.output.out(
    table(["VENDOR", "ID", "NAME", "STATUS", "TIMEZONE", "CALLING HOURS", "PACING / REDIAL"], rows),
  );
  tour.output.out(
    "\n(Altur takes a time zone but does not report it back, so it shows none; see `campaignkit capabilities`.)\n",
  );
}

/** The cells of one campaign that the before/after table compares. */
function cellsOf(c: Listed | undefined) {
  return {
    status: c?.status ?? "",
    zone: c?.schedule?.timezone ?? "",
    hours: formatCallingHours(c?.schedule?.callingHours),
    other: [
      c?.pacing?.callsPerMinute !== undefined ? `cpm ${c.pacing.callsPerMinute}` : "",
      c?.pacing?.maxConcurrentCalls !== undefined ? `conc ${c.pacing.maxConcurrentCalls}` : "",
      c?.redial?.maxRetries !== undefined ? `retries ${c.redial.maxRetries}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  };
}

const change = (a: string, b: string) => (a === b ? a : `${a || "(none)"} -> ${b || "(none)"}`);

function beforeAfterRow(vendor: VendorId, campaign: Listed, now: Listed | undefined): string[] {
  const was = cellsOf(campaign);
  const is = cellsOf(now);
  return [
    vendor,
    campaign.id,
    clip(now?.name ?? campaign.name ?? "", 28),
    change(was.status, is.status),
    change(was.zone, is.zone),
    change(clip(was.hours, 24), clip(is.hours, 24)),
    change(was.other, is.other),
  ];
}

interface BulkLine {
  vendor: VendorId;
  id: string;
  patch?: Record<string, unknown>;
  action?: "pause" | "resume";
}
/** The changes the bulk file may make, by the patch field each needs, in the order tried. */
const BULK_CHANGES: readonly [PatchField, Record<string, unknown>][] = [
  ["redial.maxRetries", { redial: { maxRetries: 2 } }],
  ["pacing.maxConcurrentCalls", { pacing: { maxConcurrentCalls: 20 } }],
  ["pacing.callsPerMinute", { pacing: { callsPerMinute: 30 } }],
  ["name", { name: "Renamed by the tour" }],
];
/** The fields a refused line may go below the minimum of. */
const BOUNDED: readonly PatchField[] = [
  "pacing.callsPerMinute",
  "pacing.maxConcurrentCalls",
  "redial.maxRetries",
];

/**
 * A small bulk file, from each vendor's capabilities: a change that applies (or a resume where
 * the vendor takes no change), the hours of step 3 again (found in place, not sent again), and
 * a value below a documented minimum (refused before any request).
 */
async function bulkLines(
  before: Map<VendorId, Listed[]>,
  targets: Map<VendorId, string>,
): Promise<BulkLine[]> {
  const lines: BulkLine[] = [];
  for (const vendor of VENDORS) {
    const id = targets.get(vendor);
    if (!id) continue;
    const { patch } = (await loadVendor(vendor)).capabilities;
    const change = BULK_CHANGES.find(([field]) => patch[field].supported);
    if (change) lines.push({ vendor, id, patch: change[1] });
    const paused = before.get(vendor)?.find((c) => c.status === "paused" && c.id !== id);
    if (!change && paused) lines.push({ vendor, id: paused.id, action: "resume" });
    if (patch["schedule.callingHours"].supported) {
      const daily = { daily: { start: "09:00", end: "17:00" } };
      lines.push({ vendor, id, patch: { schedule: { callingHours: daily } } });
    }
    const bounded = BOUNDED.find((field) => patch[field].supported && patch[field].min);
    if (bounded) {
      const [group, key] = bounded.split(".") as [string, string];
      const below = (patch[bounded].min ?? 1) - 1;
      lines.push({ vendor, id, patch: { [group]: { [key]: below } } });
    }
  }
  return lines;
}
