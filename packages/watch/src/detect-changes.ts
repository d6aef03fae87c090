import type { Campaign } from "@campaignkit/core";
import { diffCampaigns, fingerprint, sha256, stableJson } from "./campaign-diff.js";
import type { CampaignEvent, VendorEvent, VendorFailure, WatchEvent } from "./events.js";
import type { SnapshotIndexEntry, SnapshotWrite, VendorState } from "./store.js";

/** An index entry as the watcher holds it: marked by the detector of the listing that saw it. */
export interface IndexSlot extends SnapshotIndexEntry {
  seenBy?: object;
}

export interface DetectInput {
  vendor: string;
  state: VendorState | undefined;
  /** The vendor's index; each entry listed is marked `seenBy` this detector. */
  index: ReadonlyMap<string, IndexSlot>;
  /** The stored snapshot, read only for a campaign whose fingerprint changed. */
  snapshot(campaignId: string): Campaign | undefined;
  backfill: boolean;
  at: string;
  /**
   * Takes the changes found so far once `batchSize` campaigns changed, to be stored at once (see
   * `ChangeDetector`); without it, every change waits for `finish`.
   */
  commitBatch?: (batch: { snapshots: SnapshotWrite[]; events: WatchEvent[] }) => void;
  batchSize?: number;
}

/** How many changed campaigns a detector holds before it hands them to `commitBatch`. */
export const DEFAULT_BATCH_SIZE = 64;

/** How a listing ended, once every campaign of it was seen. */
export interface ListingEnd {
  /** `complete`: every campaign listed; `partial`: the vendor could not page further. */
  outcome: "complete" | "partial" | "failed";
  error?: VendorFailure;
}

export interface DetectOutput {
  state: VendorState;
  snapshots: SnapshotWrite[];
  events: WatchEvent[];
}

/** Omit over each member of a union (plain `Omit` merges the members first). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A campaign event's id: the vendor, the campaign, the version and fingerprint of the snapshot
 * the change follows, and the change itself. The same change seen again after a restart (the
 * round was not committed) gets the same id; the same change made later gets another.
 */
function campaignEventId(
  vendor: string,
  campaignId: string,
  previous: SnapshotIndexEntry | undefined,
  type: string,
  content: unknown,
): string {
  const basis = stableJson([
    vendor,
    campaignId,
    previous?.version ?? 0,
    previous?.fingerprint ?? "",
    type,
    content,
  ]);
  return `evt_${sha256(basis).slice(0, 32)}`;
}

const vendorEventId = (vendor: string, type: string, epoch: number) =>
  `evt_${sha256(stableJson([vendor, type, epoch])).slice(0, 32)}`;

/**
 * What one vendor's listing changes, worked out campaign by campaign as the listing streams
 * (`see`): the events, the snapshots to write and the vendor's new state (`finish`).
 *
 * Only changed campaigns are kept, and when many change at once (the baseline, a backfill, a
 * mass edit) they go to `commitBatch` every `batchSize` campaigns, so memory does not grow with
 * the account. Each batch holds its snapshots with the events that follow from them: a crash
 * after a batch loses and repeats nothing, since the next round finds those campaigns as their
 * snapshots say. The vendor's state, its health events and removals come with `finish`.
 */
export class ChangeDetector {
  /**
   * Campaigns seen in this listing that the index did not hold. Those it held are marked on
   * their index entry instead (`seenBy`): a set of every id listed would be allocated afresh each
   * round and outlive the young generation, which V8 then grows.
   */
  private readonly fresh = new Set<string>();
  private changes: WatchEvent[] = [];
  private snapshots: SnapshotWrite[] = [];
  private readonly report: boolean;

  constructor(private readonly input: DetectInput) {
    this.report = input.state?.baselined === true || input.backfill;
  }

  /** Compares one listed campaign with its snapshot. */
  see(campaign: Campaign): void {
    const { vendor, index, at } = this.input;
    const previous = index.get(campaign.id);
    if (this.fresh.has(campaign.id) || (previous && previous.seenBy === this)) return;
    if (previous) previous.seenBy = this;
    else this.fresh.add(campaign.id);
    const print = fingerprint(campaign);
    if (previous && !previous.removed && previous.fingerprint === print) return;
    const base = { vendor, campaignId: campaign.id, at, campaign };
    const push = (
      event: OmitEach<CampaignEvent, "id" | "vendor" | "campaignId" | "at" | "campaign">,
      content: unknown,
    ) =>
      this.changes.push({
        ...base,
        ...event,
        id: campaignEventId(vendor, campaign.id, previous, event.type, content),
      } as CampaignEvent);

    if (!previous || previous.removed) {
      if (this.report)
        push({ type: "campaign.created", backfill: this.input.state?.baselined !== true }, print);
    } else {
      const before = this.input.snapshot(campaign.id);
      const changes = before ? diffCampaigns(before, campaign) : [];
      if (before && before.status !== campaign.status) {
        push(
          {
            type: "campaign.status_changed",
            from: before.status,
            to: campaign.status,
            ...(campaign.statusReason ? { reason: campaign.statusReason } : {}),
          },
          { from: before.status, to: campaign.status, reason: campaign.statusReason },
        );
      }
      const statusChanged = before?.status !== campaign.status;
      const others = changes.filter(
        (change) =>
          change.field !== "status" && !(statusChanged && change.field === "statusReason"),
      );
      if (others.length > 0) push({ type: "campaign.updated", changes: others }, others);
    }
    this.snapshots.push({
      campaignId: campaign.id,
      version: (previous?.version ?? 0) + 1,
      fingerprint: print,
      removed: false,
      campaign,
    });
    const { commitBatch, batchSize = DEFAULT_BATCH_SIZE } = this.input;
    if (commitBatch && this.snapshots.length >= batchSize) {
      commitBatch({ snapshots: this.snapshots, events: this.changes });
      this.snapshots = [];
      this.changes = [];
    }
  }

  /**
   * The vendor's health events first (failed, recovered), then what the campaigns seen since the
   * last batch changed; a failed listing changes no more campaigns, and only a whole one shows
   * that a campaign is gone.
   */
  finish(end: ListingEnd): DetectOutput {
    const { vendor, index, at } = this.input;
    const state: VendorState = this.input.state
      ? structuredClone(this.input.state)
      : { baselined: false, epoch: 0 };
    const events: WatchEvent[] = [];
    const health = (event: OmitEach<VendorEvent, "id" | "vendor" | "at">) => {
      events.push({
        ...event,
        id: vendorEventId(vendor, event.type, state.epoch),
        vendor,
        at,
      } as VendorEvent);
      state.epoch += 1;
    };

    if (end.outcome !== "complete") {
      const error = end.error ?? { code: "UNKNOWN", message: `${vendor}: listing failed` };
      const partial = end.outcome === "partial";
      if (!state.failing || state.failing.partial !== partial) {
        health({ type: "watch.vendor_failed", error, partial });
        state.failing = { since: state.failing?.since ?? at, code: error.code, partial };
      }
      if (!partial) return { state, snapshots: [], events };
    } else if (state.failing) {
      health({ type: "watch.vendor_recovered", failedSince: state.failing.since });
      delete state.failing;
    }
    for (const event of this.changes) events.push(event);
    const snapshots = this.snapshots;

    if (end.outcome === "complete") {
      for (const [campaignId, previous] of index) {
        if (previous.removed || previous.seenBy === this || this.fresh.has(campaignId)) continue;
        const campaign = this.input.snapshot(campaignId);
        if (!campaign) continue;
        if (state.baselined)
          events.push({
            id: campaignEventId(vendor, campaignId, previous, "campaign.removed", null),
            type: "campaign.removed",
            vendor,
            campaignId,
            at,
            campaign,
          });
        snapshots.push({
          ...previous,
          campaignId,
          version: previous.version + 1,
          removed: true,
          campaign,
        });
      }
    }
    state.baselined = true;
    return { state, snapshots, events };
  }
}
