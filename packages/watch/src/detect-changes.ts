import type { Campaign } from "@campaignkit/core";
import { diffCampaigns, fingerprint, sha256, stableJson } from "./campaign-diff.js";
import type { CampaignEvent, VendorEvent, WatchEvent } from "./events.js";
import type { VendorListing } from "./list-vendor.js";
import type { SnapshotIndexEntry, SnapshotWrite, VendorState } from "./store.js";

export interface DetectInput {
  listing: VendorListing;
  state: VendorState | undefined;
  index: ReadonlyMap<string, SnapshotIndexEntry>;
  /** The stored snapshot, read only for a campaign whose fingerprint changed. */
  snapshot(campaignId: string): Campaign | undefined;
  backfill: boolean;
  at: string;
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

/** What one vendor's listing changes: the events, the snapshots to write, its new state. */
export function detectChanges(input: DetectInput): DetectOutput {
  const { listing, index, at } = input;
  const vendor = listing.vendor;
  const state: VendorState = input.state
    ? structuredClone(input.state)
    : { baselined: false, epoch: 0 };
  const events: WatchEvent[] = [];
  const snapshots: SnapshotWrite[] = [];

  const health = (event: OmitEach<VendorEvent, "id" | "vendor" | "at">) => {
    events.push({
      ...event,
      id: vendorEventId(vendor, event.type, state.epoch),
      vendor,
      at,
    } as VendorEvent);
    state.epoch += 1;
  };

  if (listing.outcome !== "complete") {
    const error = listing.error ?? { code: "UNKNOWN", message: `${vendor}: listing failed` };
    const partial = listing.outcome === "partial";
    if (!state.failing || state.failing.partial !== partial) {
      health({ type: "watch.vendor_failed", error, partial });
      state.failing = { since: state.failing?.since ?? at, code: error.code, partial };
    }
    if (!partial) return { state, snapshots, events };
  } else if (state.failing) {
    health({ type: "watch.vendor_recovered", failedSince: state.failing.since });
    delete state.failing;
  }

  const report = state.baselined || input.backfill;
  const seen = new Set<string>();
  for (const campaign of listing.campaigns) {
    if (seen.has(campaign.id)) continue;
    seen.add(campaign.id);
    const previous = index.get(campaign.id);
    const print = fingerprint(campaign);
    if (previous && !previous.removed && previous.fingerprint === print) continue;
    const base = { vendor, campaignId: campaign.id, at, campaign };
    const push = (
      event: OmitEach<CampaignEvent, "id" | "vendor" | "campaignId" | "at" | "campaign">,
      content: unknown,
    ) =>
      events.push({
        ...base,
        ...event,
        id: campaignEventId(vendor, campaign.id, previous, event.type, content),
      } as CampaignEvent);

    if (!previous || previous.removed) {
      if (report) push({ type: "campaign.created", backfill: !state.baselined }, print);
    } else {
      const before = input.snapshot(campaign.id);
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
    snapshots.push({
      campaignId: campaign.id,
      version: (previous?.version ?? 0) + 1,
      fingerprint: print,
      removed: false,
      campaign,
    });
  }

  // Only a whole listing shows that a campaign is gone.
  if (listing.outcome === "complete") {
    for (const [campaignId, previous] of index) {
      if (previous.removed || seen.has(campaignId)) continue;
      const campaign = input.snapshot(campaignId);
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
