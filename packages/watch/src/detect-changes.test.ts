import type { Campaign } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { ChangeDetector } from "./detect-changes.js";
import { memoryWatchStore, type WatchStore } from "./store.js";

const campaign = (id: number, name = `c${id}`): Campaign => ({
  vendor: "altur",
  id: String(id),
  name,
  status: "active",
  raw: { id },
});

/** One listing through a detector that commits batches of `batchSize` into `store`. */
function list(
  store: WatchStore,
  campaigns: Campaign[],
  { batchSize = 2, crashAfterBatches = Number.POSITIVE_INFINITY } = {},
) {
  const vendor = "altur";
  const before = store.vendorState(vendor);
  let batches = 0;
  const detector = new ChangeDetector({
    vendor,
    state: before,
    index: store.snapshotIndex(vendor),
    snapshot: (id) => store.snapshot(vendor, id),
    backfill: true,
    at: "2026-12-03T10:00:00.000Z",
    batchSize,
    commitBatch: ({ snapshots, events }) => {
      if (batches === crashAfterBatches) throw new Error("killed");
      batches++;
      store.commitRound({
        vendors: [{ vendor, state: before ?? { baselined: false, epoch: 0 }, snapshots }],
        events,
      });
    },
  });
  for (const listed of campaigns) detector.see(listed);
  const { state, snapshots, events } = detector.finish({ outcome: "complete" });
  store.commitRound({ vendors: [{ vendor, state, snapshots }], events });
  return batches;
}

const handedOver = (store: WatchStore) => {
  const events = store.pendingEvents(1000);
  for (const event of events) store.markEmitted(event.id);
  return events;
};

describe("ChangeDetector", () => {
  it("commits many changes in batches, with the rest and the vendor's state at the end", () => {
    const store = memoryWatchStore();
    const listing = Array.from({ length: 7 }, (_, i) => campaign(i + 1));
    expect(list(store, listing, { batchSize: 3 })).toBe(2);
    const events = handedOver(store);
    expect(events.map((e) => e.type === "campaign.created" && e.campaignId)).toEqual(
      listing.map((c) => c.id),
    );
    expect(store.vendorState("altur")?.baselined).toBe(true);
    // Nothing changed: the next listing finds every campaign as its snapshot says.
    expect(list(store, listing)).toBe(0);
    expect(handedOver(store)).toEqual([]);
  });

  it("neither loses nor repeats an event when the process dies between two batches", () => {
    const listing = Array.from({ length: 6 }, (_, i) => campaign(i + 1));
    const store = memoryWatchStore();
    expect(() => list(store, listing, { crashAfterBatches: 1 })).toThrow("killed");
    const beforeCrash = handedOver(store);
    expect(beforeCrash).toHaveLength(2);
    list(store, listing);
    const afterRestart = handedOver(store);
    const ids = [...beforeCrash, ...afterRestart].map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
    expect([...beforeCrash, ...afterRestart].map((e) => "campaignId" in e && e.campaignId)).toEqual(
      listing.map((c) => c.id),
    );
  });
});
