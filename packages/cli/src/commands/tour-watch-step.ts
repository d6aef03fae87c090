import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createAsisso } from "@campaignkit/asisso";
import type { Sandbox } from "@campaignkit/sandbox";
import { memoryWatchStore, type WatchEvent, watchCampaigns } from "@campaignkit/watch";
import type { Output } from "../context.js";
import { describeEvent } from "./watch.js";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin.js");

/**
 * The tour's watch step: a watcher on Asisso catches the vendor pausing a campaign itself (its
 * circuit breaker) and a rename made by another process (the `campaignkit` binary, spawned).
 */
export async function tourWatchStep(
  sandbox: Sandbox,
  env: Record<string, string>,
  output: Output,
  signal: AbortSignal,
): Promise<WatchEvent[]> {
  output.out("$ campaignkit watch --vendor asisso --interval 1s   (in the background)\n");
  const stop = new AbortController();
  let baseline: () => void = () => {};
  const recorded = new Promise<void>((resolve) => {
    baseline = resolve;
  });
  const watch = watchCampaigns({
    providers: [createAsisso(sandbox.vendors.asisso)],
    interval: 1000,
    store: memoryWatchStore(),
    signal: AbortSignal.any([signal, stop.signal]),
    onRound: () => baseline(), // the first round records the baseline
  })[Symbol.asyncIterator]();
  const events: WatchEvent[] = [];
  const watching = (async () => {
    for (let next = await watch.next(); !next.done; next = await watch.next()) {
      events.push(next.value);
      output.out(`  watch: ${describeEvent(next.value)}\n`);
      if (events.length >= 2) stop.abort();
    }
  })();
  await recorded;
  const wire = sandbox.campaigns("asisso") as { id: number; state: string }[];
  const running = wire.find((c) => c.state === "running");
  const editable = wire.find((c) => c.state === "draft" || c.state === "paused");
  if (!running || !editable)
    throw new Error("the tour needs a running and an editable Asisso campaign");
  output.out(
    `Asisso's circuit breaker trips on campaign ${running.id} (the sandbox plays the vendor).\n`,
  );
  sandbox.act("asisso", String(running.id), "autoPause");
  output.out(`Another process renames Asisso campaign ${editable.id}:\n`);
  const name = "name=Renamed elsewhere";
  output.out(`$ campaignkit update --vendor asisso ${editable.id} --set '${name}'\n`);
  // Asynchronously: the sandbox answering it lives in this process.
  await promisify(execFile)(
    process.execPath,
    [BIN, "update", "--vendor", "asisso", String(editable.id), "--set", name],
    { env: { ...process.env, ...env } },
  );
  output.out("(done)\n");
  const deadline = setTimeout(() => stop.abort(), 15_000);
  try {
    await watching;
  } finally {
    clearTimeout(deadline);
  }
  return events;
}
