import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { WatchEvent } from "./events.js";
import { openWatchStore } from "./sqlite-store.js";
import { memoryWatchStore, type WatchStore } from "./store.js";
import { fakeCampaign, fakeProvider } from "./test-support/fake-provider.js";
import { manualClock } from "./test-support/manual-clock.js";
import { driver } from "./test-support/pull.js";
import { watchCampaigns } from "./watch-campaigns.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-prune-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (n: number, at: string): WatchEvent => ({
  id: `evt_${String(n).padStart(32, "0")}`,
  type: "campaign.removed",
  vendor: "velip",
  campaignId: String(n),
  at,
  campaign: fakeCampaign("velip", String(n)),
});
const OLD = "2026-11-01T00:00:00.000Z";
const NEW = "2026-12-02T00:00:00.000Z";
const CUTOFF = "2026-11-25T00:00:00.000Z";

/** Stores events 1–3 (old) and 4 (new), and hands over 1, 2 and 4. */
function seeded<Store extends WatchStore>(store: Store): Store {
  store.commitRound({
    vendors: [],
    events: [event(1, OLD), event(2, OLD), event(3, OLD), event(4, NEW)],
  });
  for (const n of [1, 2, 4]) store.markEmitted(event(n, OLD).id);
  return store;
}

const stores: [string, () => WatchStore][] = [
  ["memory", memoryWatchStore],
  ["SQLite", () => openWatchStore(join(dir, `plain-${Math.random()}.sqlite`))],
];

describe.each(stores)("pruneEvents (%s store)", (_, open) => {
  it("removes only handed-over events older than the cutoff", () => {
    const store = seeded(open());
    expect(store.pruneEvents(CUTOFF)).toBe(2);
    expect(store.pendingEvents(10).map((e) => e.id)).toEqual([event(3, OLD).id]);
    expect(store.pruneEvents(CUTOFF)).toBe(0);
    store.close();
  });
});

describe("pruneEvents with a webhook sender on the same file", () => {
  it("keeps what the sender has not queued or settled, and drops a settled event's queue and log", () => {
    const store = seeded(openWatchStore(join(dir, "hooks.sqlite")));
    const db = store.database;
    // The sender's tables as deliverWebhooks keeps them: it has queued events 1 and 2 (cursor 2);
    // 1 is delivered, 2 still pending; 3 and 4 are after its cursor.
    db.exec(`CREATE TABLE webhook_queue (event_seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, state TEXT NOT NULL);
      CREATE TABLE webhook_log (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL,
      attempt INTEGER NOT NULL, at INTEGER NOT NULL, status INTEGER, error TEXT, outcome TEXT NOT NULL);`);
    db.prepare("INSERT INTO meta (key, value) VALUES ('webhook_cursor', '2')").run();
    db.prepare(
      "INSERT INTO webhook_queue VALUES (1, ?, 1, 0, 'delivered'), (2, ?, 3, 0, 'pending')",
    ).run(event(1, OLD).id, event(2, OLD).id);
    db.prepare(
      "INSERT INTO webhook_log (event_id, attempt, at, outcome) VALUES (?, 1, 0, 'delivered')",
    ).run(event(1, OLD).id);
    expect(store.pruneEvents(CUTOFF)).toBe(1);
    const left = db.prepare("SELECT id FROM outbox ORDER BY seq").all() as { id: string }[];
    expect(left.map((row) => row.id)).toEqual([2, 3, 4].map((n) => event(n, OLD).id));
    expect(db.prepare("SELECT event_seq FROM webhook_queue").all()).toEqual([{ event_seq: 2 }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM webhook_log").get()).toEqual({ n: 0 });
    store.close();
  });
});

describe("watchCampaigns keeps its store from growing", () => {
  const INTERVAL = 60_000;
  /** Watches one vendor, reports one created campaign, then runs `quietRounds` more rounds. */
  async function eventsLeftAfter(quietRounds: number, retainEventsFor?: number) {
    const vendor = fakeProvider("velip", [fakeCampaign("velip", "1")]);
    const store = memoryWatchStore();
    const clock = manualClock();
    const watch = watchCampaigns({
      providers: [vendor],
      interval: INTERVAL,
      store,
      clock,
      ...(retainEventsFor === undefined ? {} : { retainEventsFor }),
    });
    const run = driver(watch, clock, INTERVAL);
    await run.drain();
    vendor.campaigns = [fakeCampaign("velip", "1"), fakeCampaign("velip", "2")];
    expect((await run.round()).map((e) => e.type)).toEqual(["campaign.created"]);
    for (let round = 0; round < quietRounds; round++) await run.round();
    // Whatever the watcher left behind: every stored event is handed over by now.
    return store.pruneEvents("9999-12-31T00:00:00.000Z");
  }

  it("drops a handed-over event once it is older than retainEventsFor", async () => {
    expect(await eventsLeftAfter(1, 2 * INTERVAL)).toBe(1);
    expect(await eventsLeftAfter(3, 2 * INTERVAL)).toBe(0);
  });

  it("keeps events a week by default", async () => {
    expect(await eventsLeftAfter(3)).toBe(1);
  });

  it("refuses a retention that is not a whole number of milliseconds", () => {
    expect(() =>
      watchCampaigns({
        providers: [fakeProvider("velip", [])],
        interval: INTERVAL,
        store: memoryWatchStore(),
        retainEventsFor: -1,
      }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION", field: "retainEventsFor" }));
  });
});
