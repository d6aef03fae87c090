// `pnpm bench`: every benchmark of BENCHMARKS.md, against the built dist/ of each package, on
// loopback servers, in one run (so every ratio compares figures measured side by side).
// Prints Markdown tables and writes report/benchmarks.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchAlturLimiter, benchApplyMemory, benchBulkApply } from "./bulk-apply.ts";
import { measureBaselines, measureBundles } from "./bundle-size.ts";
import { benchStartup } from "./cli-startup.ts";
import { benchNormalization } from "./normalization.ts";
import { benchRegeneration } from "./regeneration.ts";
import { benchRoundTrip, type RoundTripVendor } from "./round-trip.ts";
import { VENDORS } from "./vendors.ts";
import { benchWatch } from "./watch-bench.ts";

/** Each vendor's sample campaign (from its spec), renamed where the vendor can rename, else paused. */
const ROUND_TRIP_VENDORS: RoundTripVendor[] = VENDORS.map((vendor) => ({
  id: vendor.id,
  create: (settings) => vendor.definition.create({ ...vendor.sampleSettings, ...settings }),
  responses: vendor.definition.responses,
  campaignId: vendor.sampleId,
  patch: vendor.definition.capabilities.patch.name.supported
    ? { name: "Wave 2" }
    : { status: "paused" },
}));

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const lines: string[] = [];
const out = (text = "") => {
  lines.push(text);
  console.log(text);
};

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(totalmem() / 2 ** 30),
};
out(`Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}.`);

out("\n## 1. One updateCampaign round trip (canned loopback server, sequential)\n");
const roundTrips = [];
for (const vendor of ROUND_TRIP_VENDORS)
  roundTrips.push({ vendor: vendor.id, ...(await benchRoundTrip(vendor)) });
out(
  table(
    [
      "vendor",
      "requests",
      "provider (ms)",
      "hand-written fetch (ms)",
      "node:http keep-alive (ms)",
      "provider / fetch",
      "fetch / node:http",
    ],
    roundTrips.map((r) => [
      r.vendor,
      r.requests,
      fixed(r.provider.medianMs, 3),
      fixed(r.fetch.medianMs, 3),
      fixed(r.nodeHttp.medianMs, 3),
      `${fixed(r.provider.medianMs / r.fetch.medianMs)}×`,
      `${fixed(r.fetch.medianMs / r.nodeHttp.medianMs)}×`,
    ]),
  ),
);

out("\n## 2. Bulk apply: 10,000 changes across the five sandbox vendors, concurrency 32\n");
const bulk = await benchBulkApply(10_000, 32);
out(
  table(
    ["run", "lines/s", "seconds", "p50 (ms)", "p99 (ms)", "peak RSS (MB)"],
    [
      [
        "`campaignkit apply --no-read` (limiter off)",
        fixed(bulk.cli.linesPerSecond, 0),
        fixed(bulk.cli.seconds),
        fixed(bulk.cli.p50Ms, 0),
        fixed(bulk.cli.p99Ms, 0),
        fixed(bulk.cli.peakRssMB ?? 0, 0),
      ],
      [
        "raw fetch of the same requests (own process)",
        fixed(bulk.rawFetch.linesPerSecond, 0),
        fixed(bulk.rawFetch.seconds),
        fixed(bulk.rawFetch.p50Ms, 0),
        fixed(bulk.rawFetch.p99Ms, 0),
        fixed(bulk.rawFetch.peakRssMB ?? 0, 0),
      ],
    ],
  ),
);
out(
  `\nCLI throughput / raw fetch throughput: ${fixed((bulk.cli.linesPerSecond / bulk.rawFetch.linesPerSecond) * 100, 0)} %.`,
);
const altur = await benchAlturLimiter(240, 32);
out(
  `\nAltur with its limiter on (default 12/s), ${altur.lines} changes, sandbox enforcing 12/s: ${fixed(altur.seconds)} s against the floor N / 12 = ${fixed(altur.floorSeconds)} s (${fixed(altur.seconds / altur.floorSeconds, 3)}×); 429 answers: ${altur.status429}.`,
);

out("\n## 2b. `apply` memory: peak RSS against file size (own process, getrusage maxRSS)\n");
const memoryStarted = performance.now();
const memory = await benchApplyMemory();
out(
  table(
    ["run", "lines", "seconds", "peak RSS (MB)"],
    memory.map((m) => [
      (m.mode === "dry-run" ? "`apply --dry-run`" : "`apply --no-read` (sandbox, limits off)") +
        (m.nodeOptions ? `, \`node ${m.nodeOptions}\`` : ""),
      String(m.lines),
      fixed(m.seconds),
      fixed(m.peakRssMB, 0),
    ]),
  ),
);
out(`\nThis section took ${fixed((performance.now() - memoryStarted) / 1000, 0)} s.`);

out("\n## 3. Normalization\n");
const normalization = await benchNormalization();
out(
  `${normalization.measurement.name}: ${fixed(normalization.measurement.medianMs * 1000, 1)} µs a pass, ${fixed((normalization.campaignsPerPass * 1000) / normalization.measurement.medianMs, 0)} campaigns mapped and validated per second.`,
);

out("\n## 4. Regeneration\n");
const regeneration = await benchRegeneration();
out(`${regeneration.name}: median ${fixed(regeneration.medianMs, 0)} ms.`);

out("\n## 5. Bundle size (esbuild, browser, minified + gzip)\n");
const bundles = await measureBundles();
const baselines = await measureBaselines();
out(
  table(
    ["bundle", "minified (kB)", "gzipped (kB)", "budget (kB)"],
    [
      ...bundles.map((b) => [
        b.package,
        fixed(b.minifiedBytes / 1024, 1),
        fixed(b.gzippedBytes / 1024, 1),
        fixed(b.budgetBytes / 1024, 1),
      ]),
      ...baselines.map((b) => [
        b.name,
        fixed(b.minifiedBytes / 1024, 1),
        fixed(b.gzippedBytes / 1024, 1),
        "—",
      ]),
    ],
  ),
);

out("\n## 6. CLI start-up (`campaignkit --help` against `node -e 0`, whole processes)\n");
const startup = benchStartup();
out(
  table(
    ["command", "median (ms)"],
    [
      ["node -e 0", fixed(startup.nodeMedianMs, 1)],
      ["campaignkit --help", fixed(startup.helpMedianMs, 1)],
    ],
  ),
);
out(
  `\n${startup.runs} runs each, alternating: --help takes ${fixed(startup.ratio)}× node -e 0 (target ≤ 3×).`,
);

out("\n## 7. Watch: 5 vendors × 10,000 campaigns, one watcher process, 60 s interval\n");
const watch = await benchWatch(10_000);
out(
  table(
    ["vendor", "poll round (ms, median)"],
    Object.entries(watch.roundMsByVendor).map(([vendor, ms]) => [vendor, fixed(ms, 0)]),
  ),
);
out(
  `\nFirst round (5 listings, baseline, ${watch.backfillEvents} backfill events stored): ${fixed(watch.firstRoundMs, 0)} ms; ` +
    `outbox ${fixed(watch.outboxEventsPerSecond, 0)} events/s; peak RSS ${fixed(watch.peakRssMB, 0)} MB; ` +
    `detection ${watch.detectionMs.map((ms) => `${fixed(ms / 1000, 1)} s`).join(", ")} (bound ${fixed(watch.detectionBoundMs / 1000, 1)} s); ` +
    `${fixed(watch.requestsPerVendorPerRound, 1)} Altur request(s) per round.`,
);

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "report");
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, "benchmarks.json"),
  `${JSON.stringify({ machine, roundTrips, bulk, altur, memory, normalization, regeneration, bundles, baselines, startup, watch }, null, 2)}\n`,
);
writeFileSync(join(dir, "benchmarks.md"), `${lines.join("\n")}\n`);
