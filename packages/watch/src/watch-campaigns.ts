import { type CampaignProvider, validationError } from "@campaignkit/core";
import { type Clock, systemClock } from "./clock.js";
import { ChangeDetector, type IndexSlot } from "./detect-changes.js";
import type { WatchEvent } from "./events.js";
import { listVendor, type VendorListing } from "./list-vendor.js";
import type { SnapshotWrite, VendorState, WatchStore } from "./store.js";

/** The shortest interval: one list request per vendor per second is within every documented rate. */
export const MIN_INTERVAL_MS = 1000;

/** How long handed-over events are kept by default: a week. */
export const DEFAULT_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What one poll round did, as `onRound` receives it: its duration, each vendor's outcome and
 * campaign count, and how many events it stored.
 */
export interface RoundReport {
  /** When the round began (ms since the epoch). */
  startedAt: number;
  ms: number;
  vendors: {
    vendor: string;
    outcome: VendorListing["outcome"] | "parked";
    campaigns: number;
    ms: number;
  }[];
  events: number;
}

/** What `watchCampaigns` watches, how often, and where it keeps its state. */
export interface WatchOptions {
  /** One provider per vendor account to watch. */
  providers: readonly CampaignProvider[];
  /** Milliseconds between the starts of two poll rounds, at least 1000. */
  interval: number;
  store: WatchStore;
  /** Ends the watch: the iteration finishes after the event in hand. */
  signal?: AbortSignal;
  /** On the first run, a `campaign.created` (with `backfill: true`) per existing campaign. */
  backfill?: boolean;
  /** Deadline of one vendor's listing, in milliseconds (default: the provider's own). */
  listTimeout?: number;
  /**
   * How many vendors are listed at once (default 1). One at a time keeps a single listing in
   * memory; each vendor is still polled once per interval, whatever the others take.
   */
  listConcurrency?: number;
  /**
   * How long an event stays in the store once it is handed over (and, with a webhook sender on
   * the same file, delivered or dead-lettered), in ms: default 7 days. Older ones are removed
   * after each round, so a long-running watcher's state file does not grow without bound.
   */
  retainEventsFor?: number;
  clock?: Clock;
  /** Called after every poll round, once its events are stored. */
  onRound?: (report: RoundReport) => void;
}

function checkOptions(options: WatchOptions) {
  const { providers, interval, listTimeout } = options;
  if (!Array.isArray(providers) || providers.length === 0)
    throw validationError("watch", "providers", "must list at least one provider");
  const vendors = new Set<string>();
  for (const provider of providers) {
    if (vendors.has(provider.vendor))
      throw validationError(
        "watch",
        "providers",
        `has two ${provider.vendor} providers: watch each account with its own store (see the README on sharding)`,
      );
    vendors.add(provider.vendor);
  }
  if (!Number.isInteger(interval) || interval < MIN_INTERVAL_MS)
    throw validationError(
      "watch",
      "interval",
      `must be a whole number of milliseconds, at least ${MIN_INTERVAL_MS}`,
    );
  if (listTimeout !== undefined && !(Number.isInteger(listTimeout) && listTimeout > 0))
    throw validationError("watch", "listTimeout", "must be a whole number of milliseconds above 0");
  const { listConcurrency } = options;
  if (listConcurrency !== undefined && !(Number.isInteger(listConcurrency) && listConcurrency >= 1))
    throw validationError("watch", "listConcurrency", "must be a whole number, at least 1");
  const { retainEventsFor } = options;
  if (retainEventsFor !== undefined && !(Number.isInteger(retainEventsFor) && retainEventsFor >= 0))
    throw validationError(
      "watch",
      "retainEventsFor",
      "must be a whole number of milliseconds, 0 or more",
    );
  if (!options.store) throw validationError("watch", "store", "is required");
}

/**
 * Watches campaigns across vendors by polling their providers: the first round records a
 * baseline, later rounds yield what changed, as typed events. Each event is stored before it is
 * yielded and marked handed over once the consumer asks for the next one (or stops), so a
 * restart on the same store yields what was not handed over, and nothing twice.
 */
export function watchCampaigns(options: WatchOptions): AsyncIterable<WatchEvent> {
  checkOptions(options);
  return { [Symbol.asyncIterator]: () => run(options) };
}

async function* run(options: WatchOptions): AsyncGenerator<WatchEvent, void, undefined> {
  const { providers, interval, store, backfill = false, listTimeout, onRound } = options;
  const retainEventsFor = options.retainEventsFor ?? DEFAULT_EVENT_RETENTION_MS;
  const concurrency = options.listConcurrency ?? 1;
  const clock = options.clock ?? systemClock;
  const signal = options.signal ?? new AbortController().signal;
  const indexes = new Map<string, Map<string, IndexSlot>>();
  const parked = new Set<string>();
  const indexOf = (vendor: string) => {
    let index = indexes.get(vendor);
    if (!index) {
      index = store.snapshotIndex(vendor);
      indexes.set(vendor, index);
    }
    return index;
  };

  let nextRound = clock.now();
  while (!signal.aborted) {
    for (let batch = store.pendingEvents(100); batch.length > 0; batch = store.pendingEvents(100)) {
      for (const event of batch) {
        try {
          yield event;
        } finally {
          store.markEmitted(event.id);
        }
        if (signal.aborted) return;
      }
    }
    const wait = nextRound - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
    if (signal.aborted) return;

    const startedAt = clock.now();
    nextRound = startedAt + interval;
    const at = new Date(startedAt).toISOString();
    const active = providers.filter((provider) => !parked.has(provider.vendor));
    const listed: RoundReport["vendors"] = [];
    let stored = 0;
    // Each listing is compared campaign by campaign as it streams, and committed once it ends,
    // in a transaction of its own: only the changed campaigns of one vendor are held at a time.
    const poll = async (provider: CampaignProvider) => {
      const { vendor } = provider;
      const before = store.vendorState(vendor);
      const index = indexOf(vendor);
      const commit = (state: VendorState, snapshots: SnapshotWrite[], events: WatchEvent[]) => {
        store.commitRound({ vendors: [{ vendor, state, snapshots }], events });
        for (const { campaignId, version, fingerprint, removed } of snapshots)
          index.set(campaignId, { version, fingerprint, removed, seenBy: undefined });
        stored += events.length;
      };
      const detector = new ChangeDetector({
        vendor,
        state: before,
        index,
        snapshot: (campaignId) => store.snapshot(vendor, campaignId),
        backfill,
        at,
        commitBatch: ({ snapshots, events }) =>
          commit(before ?? { baselined: false, epoch: 0 }, snapshots, events),
      });
      const listing = await listVendor(provider, clock, signal, listTimeout, (campaign) =>
        detector.see(campaign),
      );
      if (signal.aborted) return;
      const { state, snapshots, events } = detector.finish(listing);
      commit(state, snapshots, events);
      listed.push({
        vendor,
        outcome: listing.outcome,
        campaigns: listing.campaigns,
        ms: listing.ms,
      });
      if (listing.credentialRefused) parked.add(vendor);
    };
    const queue = [...active];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let provider = queue.shift(); provider; provider = queue.shift()) await poll(provider);
      }),
    );
    if (signal.aborted) return;
    store.pruneEvents(new Date(startedAt - retainEventsFor).toISOString());
    onRound?.({
      startedAt,
      ms: clock.now() - startedAt,
      vendors: providers.map(
        (provider) =>
          listed.find((entry) => entry.vendor === provider.vendor) ?? {
            vendor: provider.vendor,
            outcome: "parked",
            campaigns: 0,
            ms: 0,
          },
      ),
      events: stored,
    });
  }
}
