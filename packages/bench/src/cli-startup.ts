// Start-up of the `campaignkit` command: `campaignkit --help` against `node -e 0`, each run as a
// whole process, alternating so that both see the same machine load.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { median } from "./measure.ts";

export interface StartupResult {
  runs: number;
  nodeMedianMs: number;
  helpMedianMs: number;
  /** `campaignkit --help` over `node -e 0`. */
  ratio: number;
}

/** The built `campaignkit` binary (the package's `bin`). */
export function cliBin(): string {
  const manifest = createRequire(import.meta.url).resolve("@campaignkit/cli/package.json");
  return join(dirname(manifest), "dist", "bin.js");
}

function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

export function benchStartup({ runs = 21, warmup = 3 } = {}): StartupResult {
  const bin = cliBin();
  const node: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const nodeMs = timeProcess(["-e", "0"]);
    const helpMs = timeProcess([bin, "--help"]);
    if (i < warmup) continue;
    node.push(nodeMs);
    help.push(helpMs);
  }
  const nodeMedianMs = median(node);
  const helpMedianMs = median(help);
  return { runs, nodeMedianMs, helpMedianMs, ratio: helpMedianMs / nodeMedianMs };
}

// `pnpm --filter @campaignkit/bench run startup`: this benchmark alone.
if (import.meta.main) {
  const result = benchStartup();
  console.log(
    `node -e 0: ${result.nodeMedianMs.toFixed(1)} ms, campaignkit --help: ${result.helpMedianMs.toFixed(1)} ms (medians of ${result.runs} runs each, alternating): ${result.ratio.toFixed(2)}×`,
  );
}
