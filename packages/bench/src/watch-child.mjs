// The watcher of the watch benchmark, in its own process (so its peak RSS is its own): watches
// the sandbox vendors and prints one JSON line per round and per batch of events. Plain
// JavaScript, as a deployed watcher runs: a `.ts` entry would add Node's TypeScript stripper
// (about 19 MB of RSS) to the figure. The vendors come from the parent, which reads them from
// the generated registry.
import { openWatchStore, watchCampaigns } from "@campaignkit/watch";

/** `{ id, packageName, factory }` of every vendor of the workspace. */
const vendors = JSON.parse(process.env.WATCH_VENDORS ?? "[]");
/** Each vendor's endpoint and settings, as the sandbox gives them (VOXO's tenant too). */
const endpoints = JSON.parse(process.env.WATCH_ENDPOINTS ?? "{}");
// A listing of 10,000 campaigns is 10–20 MB: over the providers' default 10 MiB answer cap.
const big = (vendor) => ({ ...endpoints[vendor], maxResponseBytes: 64 * 2 ** 20 });
const providers = await Promise.all(
  vendors.map(async ({ id, packageName, factory }) =>
    (await import(packageName))[factory](big(id)),
  ),
);
const controller = new AbortController();
process.on("SIGTERM", () => controller.abort());
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const store = openWatchStore(process.env.WATCH_STATE ?? ":memory:");
let events = 0;
let created = 0;
let lastCreatedAt = 0;
let round = 0;
for await (const event of watchCampaigns({
  providers,
  interval: Number(process.env.WATCH_INTERVAL_MS ?? 60_000),
  store,
  signal: controller.signal,
  backfill: true,
  listTimeout: 120_000,
  onRound: (report) => {
    round += 1;
    print({ round, at: Date.now(), report, created, lastCreatedAt });
  },
})) {
  events += 1;
  if (event.type === "campaign.created") {
    created += 1;
    lastCreatedAt = Date.now();
  } else
    print({
      event: event.type,
      id: "campaignId" in event ? event.campaignId : "",
      vendor: event.vendor,
      at: Date.now(),
    });
}
store.close();
print({ done: true, events, peakRssMB: process.resourceUsage().maxRSS / 1024 });
