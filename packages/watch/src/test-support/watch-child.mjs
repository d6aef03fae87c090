// A watcher in its own process, for the crash tests: one JSON line per round and per event on
// stdout. With WATCH_HANG=1 it stops after the first event without asking for the next one, as a
// process killed while handling it would.
import { createAltur } from "@campaignkit/altur";
import { openWatchStore, watchCampaigns } from "../../dist/index.js";

const store = openWatchStore(process.env.WATCH_STATE);
const controller = new AbortController();
process.on("SIGTERM", () => controller.abort());
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const watch = watchCampaigns({
  providers: [
    createAltur({ baseURL: process.env.ALTUR_BASE_URL, apiKey: process.env.ALTUR_API_KEY }),
  ],
  interval: 1000,
  store,
  signal: controller.signal,
  onRound: (report) => print({ round: report.startedAt }),
});
for await (const event of watch) {
  print({ event });
  if (process.env.WATCH_HANG === "1") await new Promise(() => setInterval(() => {}, 1 << 30));
}
store.close();
