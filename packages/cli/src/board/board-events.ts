import type { WatchEvent } from "@campaignkit/watch";
import { describeEvent } from "../commands/watch.js";
import type { BoardEvent } from "./api-types.js";

/** A watch event as the board's timeline shows it: one line, and the vendor's reason apart. */
export function describeBoardEvent(event: WatchEvent): BoardEvent {
  // `campaignkit watch` prints `<time>  <vendor> <what>`: the timeline shows time and vendor apart.
  const line = describeEvent(event);
  const head = `${event.at.replace(/\.\d{3}Z$/, "Z")}  ${event.vendor}`;
  // A status change's reason is shown apart, not repeated in the line.
  const summary =
    event.type === "campaign.status_changed"
      ? `${event.campaignId}  status ${event.from} → ${event.to}`
      : (line.startsWith(head) ? line.slice(head.length) : line).trim();
  const reason =
    event.type === "campaign.status_changed" && event.reason
      ? {
          code: event.reason.code,
          ...(event.reason.message ? { message: event.reason.message } : {}),
        }
      : event.type === "watch.vendor_failed"
        ? { code: event.error.code, message: event.error.message }
        : undefined;
  return {
    id: event.id,
    type: event.type,
    vendor: event.vendor,
    at: event.at,
    ...("campaignId" in event ? { campaignId: event.campaignId } : {}),
    summary,
    ...(reason ? { reason } : {}),
  };
}
