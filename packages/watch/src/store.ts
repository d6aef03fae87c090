import type { Campaign } from "@campaignkit/core";
import type { WatchEvent } from "./events.js";

/** What the watcher keeps per campaign: enough to tell a change and to name it stably. */
export interface SnapshotIndexEntry {
  /** Bumped on every recorded change; kept after removal, so a campaign that returns gets new ids. */
  version: number;
  fingerprint: string;
  removed: boolean;
}

/** A campaign's snapshot as a round records it: its index entry and the campaign itself. */
export interface SnapshotWrite extends SnapshotIndexEntry {
  campaignId: string;
  /** The campaign as of this change (as last seen, for a removal). */
  campaign: Campaign;
}

/** A vendor's watch state: whether its baseline is recorded, and its health. */
export interface VendorState {
  baselined: boolean;
  /** Bumped on every health event, so each failure and recovery has its own id. */
  epoch: number;
  failing?: { since: string; code: string; partial: boolean };
}

/** What a poll round learnt, written at once (the watcher writes one per vendor listing). */
export interface RoundWrite {
  vendors: { vendor: string; state: VendorState; snapshots: SnapshotWrite[] }[];
  events: WatchEvent[];
}

/**
 * Where a watcher keeps its state. `commitRound` is all or nothing: the snapshots and the events
 * that follow from them are stored together, so a crash neither loses an event nor repeats one.
 * An event whose id is already stored is not stored again.
 */
export interface WatchStore {
  /** The vendor's recorded state, or `undefined` before its first round. */
  vendorState(vendor: string): VendorState | undefined;
  /** Every campaign of the vendor ever recorded (removed ones too), by id. */
  snapshotIndex(vendor: string): Map<string, SnapshotIndexEntry>;
  /** The campaign as last recorded, or `undefined` when it never was. */
  snapshot(vendor: string, campaignId: string): Campaign | undefined;
  /** Stores vendor states, snapshots and the events that follow from them in one transaction. */
  commitRound(write: RoundWrite): void;
  /** Stored events not yet handed to the watcher's consumer, oldest first. */
  pendingEvents(limit: number): WatchEvent[];
  /** Marks an event handed to the consumer, so `pendingEvents` no longer returns it. */
  markEmitted(eventId: string): void;
  /**
   * Forgets events stamped before `before` (an ISO time) that are done with: handed to the
   * consumer and, where a webhook sender shares the store, delivered or dead-lettered. Returns
   * how many were removed. Snapshots are kept: they are the watcher's memory of each campaign.
   */
  pruneEvents(before: string): number;
  /** Releases the store (for SQLite, closes the database and gives up the state file). */
  close(): void;
}

/** A store that lives as long as the process: for tests, and for watching without a state file. */
export function memoryWatchStore(): WatchStore {
  const vendors = new Map<string, VendorState>();
  const snapshots = new Map<string, Map<string, SnapshotWrite>>();
  const outbox = new Map<string, { event: WatchEvent; emitted: boolean }>();
  const copy = <T>(value: T): T => structuredClone(value);
  const of = (vendor: string) => {
    let map = snapshots.get(vendor);
    if (!map) {
      map = new Map();
      snapshots.set(vendor, map);
    }
    return map;
  };
  return {
    vendorState: (vendor) => copy(vendors.get(vendor)),
    snapshotIndex: (vendor) =>
      new Map(
        [...of(vendor)].map(([id, { version, fingerprint, removed }]) => [
          id,
          { version, fingerprint, removed },
        ]),
      ),
    snapshot: (vendor, campaignId) => copy(of(vendor).get(campaignId)?.campaign),
    commitRound(write) {
      for (const { vendor, state, snapshots: rows } of write.vendors) {
        vendors.set(vendor, copy(state));
        for (const row of rows) of(vendor).set(row.campaignId, copy(row));
      }
      for (const event of write.events) {
        if (!outbox.has(event.id)) outbox.set(event.id, { event: copy(event), emitted: false });
      }
    },
    pendingEvents: (limit) =>
      [...outbox.values()]
        .filter((row) => !row.emitted)
        .slice(0, limit)
        .map((row) => copy(row.event)),
    markEmitted(eventId) {
      const row = outbox.get(eventId);
      if (row) row.emitted = true;
    },
    pruneEvents(before) {
      let removed = 0;
      for (const [id, row] of outbox) {
        if (row.emitted && row.event.at < before) {
          outbox.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    close() {},
  };
}
