// The watch benchmark: 5 vendors × 10,000 extra sandbox campaigns watched by one process at a
// 60 s interval (WATCH_BENCH_INTERVAL_MS to change it), within each vendor's documented rate.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createAltur } from "@campaignkit/altur";
import { startSandbox } from "@campaignkit/sandbox";
import { VENDOR_REGISTRY } from "./generated/vendor-registry.ts";
import { median } from "./measure.ts";

const CHILD = join(dirname(fileURLToPath(import.meta.url)), "watch-child.mjs");

export interface WatchBench {
  campaignsPerVendor: number;
  intervalMs: number;
  /** Median time of one poll round per vendor (listing and mapping), ms. */
  roundMsByVendor: Record<string, number>;
  /** The first round: list 5 × ~10,000, record the baseline, store 50,000 backfill events. */
  firstRoundMs: number;
  /** Backfill events handed over from the outbox per second, after the round committed. */
  outboxEventsPerSecond: number;
  backfillEvents: number;
  /** From a change in the sandbox to its event in the watcher, ms, per sample. */
  detectionMs: number[];
  /** The longest a detection may take: one interval plus the slowest list round trip, ms. */
  detectionBoundMs: number;
  peakRssMB: number;
  requestsPerVendorPerRound: number;
}

type Line = {
  round?: number;
  at: number;
  report?: { ms: number; vendors: { vendor: string; ms: number; campaigns: number }[] };
  created?: number;
  lastCreatedAt?: number;
  event?: string;
  id?: string;
  done?: boolean;
  events?: number;
  peakRssMB?: number;
};

export async function benchWatch(extra = 10_000): Promise<WatchBench> {
  const intervalMs = Number(process.env.WATCH_BENCH_INTERVAL_MS ?? 60_000);
  const sandbox = await startSandbox({ extraCampaigns: extra });
  const dir = mkdtempSync(join(tmpdir(), "campaignkit-watch-bench-"));
  try {
    const child = spawn(process.execPath, [CHILD], {
      env: {
        ...process.env,
        WATCH_VENDORS: JSON.stringify(
          VENDOR_REGISTRY.map(({ id, packageName, factory }) => ({ id, packageName, factory })),
        ),
        WATCH_ENDPOINTS: JSON.stringify(sandbox.vendors),
        WATCH_STATE: join(dir, "watch.sqlite"),
        WATCH_INTERVAL_MS: String(intervalMs),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: Line[] = [];
    let wake: (() => void) | undefined;
    createInterface({ input: child.stdout }).on("line", (text) => {
      lines.push(JSON.parse(text) as Line);
      wake?.();
    });
    const next = async (test: (line: Line) => boolean, from = 0): Promise<Line> => {
      for (;;) {
        const found = lines.slice(from).find(test);
        if (found) return found;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    };
    const first = await next((l) => l.round === 1);
    // Polling follows the consumer: the second round starts once every backfill event is handed over.
    const second = await next((l) => l.round === 2);
    const outboxEventsPerSecond =
      (second.created ?? 0) / Math.max(0.001, ((second.lastCreatedAt ?? 0) - first.at) / 1000);
    const backfillEvents = second.created ?? 0;

    // Two changes, made at different points of an interval, by "another process" (the sandbox's API).
    const detectionMs: number[] = [];
    const changes: [string, () => Promise<unknown>][] = [
      ["1234", () => createAltur(sandbox.vendors.altur).pauseCampaign("1234")],
      ["124", async () => sandbox.act("asisso", "124", "autoPause")],
    ];
    let delay = intervalMs / 6; // a change early in an interval waits most of it
    for (const [id, change] of changes) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const from = lines.length;
      const changedAt = Date.now();
      await change();
      const seen = await next((l) => l.event !== undefined && l.id === id, from);
      detectionMs.push(seen.at - changedAt);
      delay = intervalMs / 2;
    }
    const rounds = lines.filter((l) => l.report && (l.round ?? 0) > 1);
    child.kill("SIGTERM");
    const done = await next((l) => l.done === true);
    const vendors = Object.keys(sandbox.vendors);
    const roundMsByVendor = Object.fromEntries(
      vendors.map((v) => [
        v,
        median(rounds.map((l) => l.report?.vendors.find((r) => r.vendor === v)?.ms ?? 0)),
      ]),
    );
    return {
      campaignsPerVendor: extra,
      intervalMs,
      roundMsByVendor,
      firstRoundMs: first.report?.ms ?? 0,
      outboxEventsPerSecond,
      backfillEvents,
      detectionMs,
      detectionBoundMs: intervalMs + Math.max(...Object.values(roundMsByVendor)),
      peakRssMB: done.peakRssMB ?? 0,
      requestsPerVendorPerRound:
        sandbox.requests("altur").length / Math.max(1, lines.filter((l) => l.report).length),
    };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchWatch(), null, 2));
}
