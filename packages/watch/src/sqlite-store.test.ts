import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAltur } from "@campaignkit/altur";
import { startSandbox } from "@campaignkit/sandbox";
import { afterAll, describe, expect, it } from "vitest";
import type { WatchEvent } from "./events.js";
import { openWatchStore } from "./sqlite-store.js";
import { spawnLines } from "./test-support/child-lines.js";
import { fakeCampaign, fakeProvider } from "./test-support/fake-provider.js";
import { manualClock } from "./test-support/manual-clock.js";
import { driver } from "./test-support/pull.js";
import { watchCampaigns } from "./watch-campaigns.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-watch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const stateFile = () => join(dir, `state-${++files}`, "watch.sqlite");

function watching(path: string, provider: ReturnType<typeof fakeProvider>) {
  const store = openWatchStore(path);
  const clock = manualClock();
  const run = driver(
    watchCampaigns({ providers: [provider], interval: 1000, store, clock }),
    clock,
    1000,
  );
  return { store, clock, run };
}

describe("openWatchStore", () => {
  it("keeps snapshots, vendor state and unacknowledged events across a reopen", async () => {
    const path = stateFile();
    const vendor = fakeProvider("voxo", [fakeCampaign("voxo", "1"), fakeCampaign("voxo", "2")]);
    const first = watching(path, vendor);
    await first.run.drain();
    vendor.campaigns = [fakeCampaign("voxo", "1", "paused")];
    first.clock.advance(1000);
    const inHand = await first.run.take();
    first.store.close(); // the process ends with one event in hand and one not yet handed over

    const second = watching(path, vendor);
    const replayed = await second.run.drain();
    expect(replayed.map((event) => [event.type, event.id])).toEqual([
      ["campaign.status_changed", inHand?.id],
      ["campaign.removed", expect.stringMatching(/^evt_/)],
    ]);
    expect(await second.run.round()).toEqual([]);
    vendor.campaigns = [fakeCampaign("voxo", "1", "active")];
    expect((await second.run.round()).map((event) => event.type)).toEqual([
      "campaign.status_changed",
    ]);
    second.store.close();
  });

  it("lets one watcher own a state file at a time", () => {
    const path = stateFile();
    const owner = openWatchStore(path);
    expect(() => openWatchStore(path)).toThrow(
      expect.objectContaining({
        code: "CONFLICT",
        message: expect.stringContaining("another watcher"),
      }),
    );
    owner.close();
    openWatchStore(path).close();
  });

  it("writes a round all at once: a failing write leaves neither snapshots nor events", () => {
    const store = openWatchStore(":memory:");
    const event = {
      id: "evt_1",
      type: "watch.vendor_recovered",
      vendor: "voxo",
      at: "x",
      failedSince: "y",
    } as WatchEvent;
    const campaign = fakeCampaign("voxo", "1");
    const snapshot = { campaignId: "1", version: 1, fingerprint: "f", removed: false, campaign };
    const broken = {
      ...event,
      get type(): never {
        throw new Error("disk full");
      },
    } as unknown as WatchEvent;
    expect(() =>
      store.commitRound({
        vendors: [{ vendor: "voxo", state: { baselined: true, epoch: 0 }, snapshots: [snapshot] }],
        events: [event, broken],
      }),
    ).toThrow("disk full");
    expect(store.snapshotIndex("voxo").size).toBe(0);
    expect(store.vendorState("voxo")).toBeUndefined();
    expect(store.pendingEvents(10)).toEqual([]);
    store.close();
  });
});

describe("a watcher killed between a change and its delivery", () => {
  // Two child processes and a sandbox: 4 s alone on a loaded machine, so more than the default 5 s.
  it("hands the change over after the restart, once, with the same id", {
    timeout: 30_000,
  }, async () => {
    const sandbox = await startSandbox({ vendors: ["altur"] });
    try {
      const altur = createAltur(sandbox.vendors.altur);
      const env = {
        WATCH_STATE: stateFile(),
        ALTUR_BASE_URL: sandbox.vendors.altur.baseURL,
        ALTUR_API_KEY: sandbox.vendors.altur.apiKey,
      };
      const script = join(import.meta.dirname, "test-support", "watch-child.mjs");
      type Line = { event?: WatchEvent; round?: number };
      const isRound = (line: unknown): line is Line => (line as Line).round !== undefined;
      const isEvent = (line: unknown): line is Line => (line as Line).event !== undefined;

      const first = spawnLines(script, { ...env, WATCH_HANG: "1" });
      await first.waitFor(isRound);
      await altur.pauseCampaign("1234");
      const { event } = await first.waitFor(isEvent);
      first.child.kill("SIGKILL");
      await first.exited;
      expect(event).toMatchObject({
        type: "campaign.status_changed",
        campaignId: "1234",
        to: "paused",
      });

      const second = spawnLines(script, env);
      const replayed = await second.waitFor(isEvent);
      expect(replayed.event?.id).toBe(event?.id);
      const seen = second.lines.length;
      await second.waitFor(isRound, seen);
      await altur.updateCampaign("1234", { name: "Q2 Reactivation, wave 2" });
      const next = await second.waitFor(isEvent, seen);
      expect(next.event).toMatchObject({ type: "campaign.updated", changes: [{ field: "name" }] });
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      const ids = second.lines.filter(isEvent).map((line) => line.event?.id);
      expect(ids).toEqual([event?.id, next.event?.id]);
    } finally {
      await sandbox.close();
    }
  });
});
