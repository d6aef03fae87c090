export { diffCampaigns, fingerprint } from "./campaign-diff.js";
export { type Clock, systemClock } from "./clock.js";
export {
  type CampaignCreatedEvent,
  type CampaignEvent,
  type CampaignRemovedEvent,
  type CampaignStatusChangedEvent,
  type CampaignUpdatedEvent,
  type FieldChange,
  isCampaignEvent,
  type VendorEvent,
  type VendorFailedEvent,
  type VendorFailure,
  type VendorRecoveredEvent,
  WATCH_EVENT_TYPES,
  type WatchEvent,
  type WatchEventType,
} from "./events.js";
export { openWatchStore, type SqliteWatchStore } from "./sqlite-store.js";
export {
  memoryWatchStore,
  type RoundWrite,
  type SnapshotIndexEntry,
  type SnapshotWrite,
  type VendorState,
  type WatchStore,
} from "./store.js";
export {
  DEFAULT_EVENT_RETENTION_MS,
  MIN_INTERVAL_MS,
  type RoundReport,
  type WatchOptions,
  watchCampaigns,
} from "./watch-campaigns.js";
export {
  type DeliveryAttempt,
  deadLetters,
  deliverWebhooks,
  deliveryLog,
  retryDelay,
  type WebhookDeliveryOptions,
} from "./webhook-delivery.js";
export { verifyWebhook, type WebhookHeaders } from "./webhook-signature.js";
