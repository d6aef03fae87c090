import type { Campaign, CampaignStatus, StatusReason } from "@campaignkit/core";

/** One normalized field that changed: a dotted path (`schedule.callingHours`, `pacing.callsPerMinute`). */
export interface FieldChange {
  field: string;
  /** Absent: the field was not set before. */
  before?: unknown;
  /** Absent: the field is no longer set. */
  after?: unknown;
}

interface CampaignEventBase {
  /** Stable: the same change gives the same id, also after a restart. */
  id: string;
  vendor: string;
  campaignId: string;
  /** When the change was detected (ISO 8601). */
  at: string;
  /** The campaign after the change (for `campaign.removed`: as last seen). */
  campaign: Campaign;
}

/** `campaign.created`: a campaign was seen for the first time. */
export interface CampaignCreatedEvent extends CampaignEventBase {
  type: "campaign.created";
  /** True when the campaign existed before the watch began (`backfill`). */
  backfill: boolean;
}

/** `campaign.updated`: normalized fields other than `status` changed. */
export interface CampaignUpdatedEvent extends CampaignEventBase {
  type: "campaign.updated";
  /** Every normalized field that changed, but `status` (see `campaign.status_changed`). */
  changes: FieldChange[];
}

/** `campaign.status_changed`: the normalized status went from `from` to `to`. */
export interface CampaignStatusChangedEvent extends CampaignEventBase {
  type: "campaign.status_changed";
  from: CampaignStatus;
  to: CampaignStatus;
  /** Present when the vendor gives one (Asisso's circuit breaker, Velip's failed load). */
  reason?: StatusReason;
}

/** `campaign.removed`: a whole listing of the vendor no longer holds the campaign. */
export interface CampaignRemovedEvent extends CampaignEventBase {
  type: "campaign.removed";
}

/** A failure as an event carries it: the `CampaignkitError` code and message, nothing more. */
export interface VendorFailure {
  code: string;
  message: string;
}

interface VendorEventBase {
  id: string;
  vendor: string;
  at: string;
}

/**
 * The vendor could not be listed (`partial: false`: nothing is known this round), or it listed
 * only part of its campaigns and could not page further (`partial: true`: the campaigns it did
 * list are watched, but none is reported removed until a whole listing succeeds again).
 */
export interface VendorFailedEvent extends VendorEventBase {
  type: "watch.vendor_failed";
  error: VendorFailure;
  partial: boolean;
}

/** `watch.vendor_recovered`: the vendor lists again after a `watch.vendor_failed`. */
export interface VendorRecoveredEvent extends VendorEventBase {
  type: "watch.vendor_recovered";
  /** When the failure was first seen (ISO 8601). */
  failedSince: string;
}

/** An event about one campaign. */
export type CampaignEvent =
  | CampaignCreatedEvent
  | CampaignUpdatedEvent
  | CampaignStatusChangedEvent
  | CampaignRemovedEvent;
/** An event about a vendor's listing failing or recovering. */
export type VendorEvent = VendorFailedEvent | VendorRecoveredEvent;
/** Every event the watcher yields and delivers. */
export type WatchEvent = CampaignEvent | VendorEvent;
/** The `type` of a `WatchEvent`. */
export type WatchEventType = WatchEvent["type"];

/** Every `WatchEventType`: campaign events first, then vendor events. */
export const WATCH_EVENT_TYPES = [
  "campaign.created",
  "campaign.updated",
  "campaign.status_changed",
  "campaign.removed",
  "watch.vendor_failed",
  "watch.vendor_recovered",
] as const satisfies readonly WatchEventType[];

/** Whether an event is about a campaign (its type starts with `campaign.`), not a vendor. */
export const isCampaignEvent = (event: WatchEvent): event is CampaignEvent =>
  event.type.startsWith("campaign.");
