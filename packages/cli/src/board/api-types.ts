/**
 * The JSON the board's server sends its page (`campaignkit board`). Plain data only: no
 * credential, no vendor payload (`raw`) beyond the vendor's own status. Shared, as types only,
 * by the server (src/board/) and the page (board-page/).
 */

/** A normalized campaign status, as core names them. */
export type BoardStatus =
  | "draft"
  | "scheduled"
  | "active"
  | "paused"
  | "finished"
  | "failed"
  | "unknown";

/** One row of the board's table. */
export interface BoardCampaign {
  vendor: string;
  id: string;
  name?: string;
  status: BoardStatus;
  /** The vendor's own status as it sent it (`running`, `Y`, `PAUSED`, …), when it sends one. */
  vendorStatus?: string;
  statusReason?: { code: string; message?: string; at?: string };
  timezone?: string;
  /** Calling hours as the CLI prints them: `09:00-17:00 daily`, `mon-fri 09:00-12:00; …`. */
  callingHours?: string;
  pacing?: {
    callsPerMinute?: number | "max";
    maxConcurrentCalls?: number;
    maxConcurrentTransfers?: number;
  };
  /** When the board last saw this campaign change (ISO 8601), if it did. */
  lastChange?: string;
}

/** A vendor's health as of the last poll round. */
export interface BoardVendorHealth {
  vendor: string;
  displayName: string;
  /** `waiting`: no round finished yet; `parked`: the vendor refused the credential, not asked again. */
  outcome: "complete" | "partial" | "failed" | "parked" | "waiting";
  campaigns: number;
  error?: { code: string; message: string };
}

/** One entry of the event timeline. */
export interface BoardEvent {
  id: string;
  type: string;
  vendor: string;
  at: string;
  campaignId?: string;
  /** What changed, in one line (as `campaignkit watch` prints it, without time and vendor). */
  summary: string;
  /** Why, when the vendor says so (auto-pause, failed load, finished). */
  reason?: { code: string; message?: string };
}

/** A patch field the vendor can take, with its bounds: what the edit form offers. */
export interface BoardField {
  field: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  allowsMax?: boolean;
  callingHours?: { daily: boolean; weekly: string; maxRanges?: number };
  requires?: string[];
  evidence?: string;
  note?: string;
}

/** What one vendor can do, from its provider's capabilities. */
export interface BoardCapabilities {
  vendor: string;
  displayName: string;
  pause: boolean;
  resume: boolean;
  update: boolean;
  /** Only the supported patch fields (status is the pause/resume buttons). */
  fields: BoardField[];
}

/** `GET /api/session`. */
export interface BoardSession {
  csrf: string;
  sandbox: boolean;
  interval: number;
  vendors: BoardVendorHealth[];
}

/** `GET /api/campaigns`. */
export interface BoardCampaigns {
  campaigns: BoardCampaign[];
  vendors: BoardVendorHealth[];
}

/** An action the page asks for: `update` with `set` assignments (the CLI's `--set` syntax). */
export interface BoardActionRequest {
  vendor: string;
  id: string;
  action: "update" | "pause" | "resume";
  /** `field=value` assignments, as `campaignkit update --set` takes them. */
  set?: string[];
}

/** One planned HTTP request, credentials redacted. */
export interface BoardPlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  purpose: string;
}

/** `POST /api/plan`. */
export interface BoardPlan {
  requests: BoardPlannedRequest[];
}

/** A typed error as the page shows it. */
export interface BoardError {
  code: string;
  message: string;
  vendor?: string;
  field?: string;
  httpStatus?: number;
  vendorCode?: string | number;
  /** Requests already applied when a multi-request update failed, and those not sent. */
  applied?: string[];
  failed?: string;
  notSent?: string[];
  problems?: { field: string; rule: string }[];
}

/** `POST /api/apply`: the campaign as the vendor reports it afterwards, or the typed error. */
export type BoardApplyResult =
  | { ok: true; campaign: BoardCampaign }
  | { ok: false; error: BoardError };

/** The server-sent events of `GET /api/stream`. */
export interface BoardStreamMessages {
  snapshot: BoardCampaigns & { events: BoardEvent[] };
  campaigns: { upsert: BoardCampaign[]; removed: { vendor: string; id: string }[] };
  event: BoardEvent;
  health: { vendors: BoardVendorHealth[] };
}
