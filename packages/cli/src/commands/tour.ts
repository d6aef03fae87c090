import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "@campaignkit/sandbox";
import { runCli } from "../cli.js";
import type { CliContext, Output, Sink } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { clip, formatCallingHours, table } from "../format.js";
import { CAPABILITIES, VENDORS, type VendorId } from "../vendors.js";
import { sandboxEnv } from "./sandbox.js";
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

const collect = (): Sink & { text: string } => ({
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

class TourFailure extends Error {}

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
  const heading = (title: string) => output.out(`\n== ${title} ==\n\n`);
  output.out("campaignkit tour: five vendors, one command line, no vendor account needed.\n");
  output.out("Starting the embedded sandbox (@campaignkit/sandbox)...\n");
  const sandbox = await startSandbox();
  const workDir = mkdtempSync(join(tmpdir(), "campaignkit-tour-"));
  output.out(`Five simulators listening on ${sandbox.url}\n`);
  const env = sandboxEnv(sandbox);
  const visible: Sink = { write: (text: string) => context.stdout.write(text) };

  /** Runs a CLI command line, shown first, its output (stdout and stderr) in the tour. */
  const run = async (argv: string[], expected: number[] = [EXIT.OK]): Promise<number> => {
    output.out(
      `$ campaignkit ${argv.map((arg) => (/[\s;'"]/.test(arg) ? `'${arg}'` : arg)).join(" ")}\n`,
    );
    const code = await runCli(argv, {
      env,
      cwd: workDir,
      stdout: visible,
      stderr: visible,
      stderrIsTTY: false,
      signal: context.signal,
    });
    if (context.signal.aborted) throw context.signal.reason;
    if (!expected.includes(code)) {
      throw new TourFailure(
        `\`campaignkit ${argv.join(" ")}\` exited ${code}, expected ${expected.join(" or ")}`,
      );
    }
    output.out(code === EXIT.OK ? "\n" : `(exit code ${code}, as expected)\n\n`);
    return code;
  };

  /** Runs `list --json` quietly and returns the campaigns. */
  const snapshot = async (vendor: VendorId): Promise<Listed[]> => {
    const sink = collect();
    const code = await runCli(["list", "--vendor", vendor, "--json"], {
      env,
      cwd: workDir,
      stdout: sink,
      stderr: visible,
      stderrIsTTY: false,
      signal: context.signal,
    });
    if (code !== EXIT.OK) throw new TourFailure(`listing ${vendor} failed (exit ${code})`);
    return JSON.parse(sink.text) as Listed[];
  };

  try {
    const before = new Map<VendorId, Listed[]>();
    for (const vendor of VENDORS) before.set(vendor, await snapshot(vendor));
    const touched = new Set<string>();
    const touch = (vendor: VendorId, id: string) => touched.add(`${vendor}/${id}`);

    heading("1. The campaigns on each vendor");
    for (const vendor of VENDORS) await run(["list", "--vendor", vendor]);

    heading("2. Pause and resume one campaign per vendor");
    for (const vendor of VENDORS) {
      const campaign = before.get(vendor)?.find((c) => c.status === "active");
      if (!campaign) {
        output.out(`(${vendor}: no running campaign to pause)\n\n`);
        continue;
      }
      touch(vendor, campaign.id);
      await run(["pause", "--vendor", vendor, campaign.id]);
      await run(["resume", "--vendor", vendor, campaign.id]);
    }

    heading("3. Calling hours 09:00-17:00, Europe/Lisbon, where the vendor can");
    output.out("First the exact requests, credentials redacted (plan sends nothing):\n\n");
    const hours = [
      "--set",
      "schedule.timezone=Europe/Lisbon",
      "--set",
      "schedule.callingHours=09:00-17:00",
    ];
    const targets = new Map<VendorId, string>();
    for (const vendor of VENDORS) {
      const campaigns = before.get(vendor) ?? [];
      // Asisso updates only draft or paused campaigns: prefer a paused one everywhere.
      const target =
        campaigns.find((c) => c.status === "paused") ??
        campaigns.find((c) => c.status === "active");
      if (target) targets.set(vendor, target.id);
    }
    const alturTarget = targets.get("altur");
    if (alturTarget) await run(["plan", "--vendor", "altur", alturTarget, ...hours]);
    for (const vendor of VENDORS) {
      const id = targets.get(vendor);
      if (!id) continue;
      const patch = CAPABILITIES[vendor].patch;
      const canZone = patch["schedule.timezone"].supported;
      const canHours = patch["schedule.callingHours"].supported;
      if (canZone && canHours) {
        touch(vendor, id);
        await run(["update", "--vendor", vendor, id, ...hours]);
        continue;
      }
      output.out(`${vendor} cannot take this change; campaignkit refuses it before any request:\n`);
      await run(["update", "--vendor", vendor, id, ...hours], [EXIT.FAILED]);
      if (canHours) {
        output.out(`${vendor} can set the hours without a time zone:\n`);
        touch(vendor, id);
        await run(["update", "--vendor", vendor, id, "--set", "schedule.callingHours=09:00-17:00"]);
      }
    }

    heading("4. A bulk file across vendors");
    const lines = bulkLines(before, targets);
    const file = join(workDir, "changes.jsonl");
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    for (const line of lines) touch(line.vendor as VendorId, line.id);
    output.out(`${file}:\n`);
    lines.forEach((line, index) => {
      output.out(`  ${String(index + 1).padStart(2)}  ${JSON.stringify(line)}\n`);
    });
    output.out("\n");
    await run(["apply", "--dry-run", "changes.jsonl"], [EXIT.OK, EXIT.FAILED]);
    await run(["apply", "changes.jsonl"], [EXIT.OK, EXIT.FAILED]);

    heading("5. Before and after");
    const rows: string[][] = [];
    for (const vendor of VENDORS) {
      const after = await snapshot(vendor);
      for (const campaign of before.get(vendor) ?? []) {
        if (!touched.has(`${vendor}/${campaign.id}`)) continue;
        const now = after.find((c) => c.id === campaign.id);
        const cell = (c: Listed | undefined) => ({
          status: c?.status ?? "",
          zone: c?.schedule?.timezone ?? "",
          hours: formatCallingHours(c?.schedule?.callingHours),
          other: [
            c?.pacing?.callsPerMinute !== undefined ? `cpm ${c.pacing.callsPerMinute}` : "",
            c?.pacing?.maxConcurrentCalls !== undefined
              ? `conc ${c.pacing.maxConcurrentCalls}`
              : "",
            c?.redial?.maxRetries !== undefined ? `retries ${c.redial.maxRetries}` : "",
          ]
            .filter(Boolean)
            .join(" "),
        });
        const was = cell(campaign);
        const is = cell(now);
        const change = (a: string, b: string) =>
          a === b ? a || "" : `${a || "(none)"} -> ${b || "(none)"}`;
        rows.push([
          vendor,
          campaign.id,
          clip(now?.name ?? campaign.name ?? "", 28),
          change(was.status, is.status),
          change(was.zone, is.zone),
          change(clip(was.hours, 24), clip(is.hours, 24)),
          change(was.other, is.other),
        ]);
      }
    }
    output.out(
      table(
        ["VENDOR", "ID", "NAME", "STATUS", "TIMEZONE", "CALLING HOURS", "PACING / REDIAL"],
        rows,
      ),
    );
    output.out(
      "\n(Altur takes a time zone but does not report it back, so it shows none; see `campaignkit capabilities`.)\n",
    );

    heading("6. Watching: what changed that nobody typed here");
    await tourWatchStep(sandbox, env, output, context.signal);
  } catch (error) {
    if (error instanceof TourFailure) {
      output.err(`tour failed: ${error.message}\n`);
      return EXIT.FAILED;
    }
    throw error;
  } finally {
    await sandbox.close();
    rmSync(workDir, { recursive: true, force: true });
    output.out("\nSandbox closed; nothing left running.\n");
  }
  output.out("Tour complete.\n");
  return EXIT.OK;
}

interface BulkLine {
  vendor: string;
  id: string;
  patch?: Record<string, unknown>;
  action?: "pause" | "resume";
}

/** A small bulk file: changes that apply, one already in place, and lines that are refused. */
function bulkLines(before: Map<VendorId, Listed[]>, targets: Map<VendorId, string>): BulkLine[] {
  const first = (vendor: VendorId, status: string, not?: string) =>
    before.get(vendor)?.find((c) => c.status === status && c.id !== not)?.id;
  const lines: BulkLine[] = [];
  const add = (line: BulkLine | undefined) => {
    if (line) lines.push(line);
  };
  const alturTarget = targets.get("altur");
  if (alturTarget) {
    add({ vendor: "altur", id: alturTarget, patch: { redial: { maxRetries: 2 } } });
    // Already set in step 3: read first, found in place, not sent again.
    add({
      vendor: "altur",
      id: alturTarget,
      patch: { schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } } },
    });
  }
  const asissoPaused = targets.get("asisso");
  if (asissoPaused)
    add({ vendor: "asisso", id: asissoPaused, patch: { pacing: { maxConcurrentCalls: 20 } } });
  const asissoRunning = first("asisso", "active");
  if (asissoRunning)
    add({ vendor: "asisso", id: asissoRunning, patch: { redial: { maxRetries: 3 } } });
  const convosoPaused = first("convoso", "paused");
  if (convosoPaused) add({ vendor: "convoso", id: convosoPaused, action: "resume" });
  const convosoActive = first("convoso", "active");
  if (convosoActive)
    add({ vendor: "convoso", id: convosoActive, patch: { name: "Renamed by the tour" } });
  const velip = targets.get("velip");
  if (velip) {
    add({ vendor: "velip", id: velip, patch: { pacing: { callsPerMinute: "max" } } });
    add({ vendor: "velip", id: velip, patch: { pacing: { callsPerMinute: 0 } } });
  }
  const voxoActive = first("voxo", "active");
  if (voxoActive) {
    add({
      vendor: "voxo",
      id: voxoActive,
      patch: {
        schedule: {
          timezone: "Europe/Lisbon",
          callingHours: { daily: { start: "09:00", end: "17:00" } },
        },
      },
    });
    add({ vendor: "voxo", id: voxoActive, action: "resume" });
  }
  return lines;
}
