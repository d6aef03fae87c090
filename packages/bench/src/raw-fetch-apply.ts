// The raw-fetch baseline of the bulk-apply benchmark, as its own process (like the CLI): sends
// each line's planned requests with global fetch, `concurrency` lines at a time, and prints the
// per-line latencies as JSON. Usage: node raw-fetch-apply.ts <requests.json> <concurrency>
import { readFileSync } from "node:fs";

type Planned = { method: string; url: string; headers: Record<string, string>; body?: string }[];
const [file = "", concurrency = "32"] = process.argv.slice(2);
const lines = JSON.parse(readFileSync(file, "utf8")) as Planned[];
const latencies: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < lines.length) {
      const requests = lines[next++] ?? [];
      const t = performance.now();
      for (const r of requests)
        await (
          await fetch(r.url, { method: r.method, headers: r.headers, body: r.body ?? null })
        ).json(); // a hand-written client parses the answer too
      latencies.push(performance.now() - t);
    }
  }),
);
process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, latencies }));
