import type { Campaign, CampaignStatus } from "@campaignkit/core";
import { checkWireTypes, type WireType } from "@campaignkit/core/internal";
import type { components } from "./generated/convoso-api.js";

type ConvosoCampaign = components["schemas"]["Campaign"];

/** `Y` is active; `N` is what Convoso calls inactive: a campaign that dials no more until reactivated. */
const STATUS: Record<string, CampaignStatus> = { Y: "active", N: "paused" };

/** The wire fields behind normalized fields, and the JSON types they may have. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  id: ["number", "string"],
  name: ["string"],
  status: ["string"],
};

/**
 * A campaign of `/campaigns/search` as a normalized Campaign. Convoso reports only id, name,
 * status and `last_call_date`; the last has no normalized field and stays in `raw`. A name or status
 * of the wrong JSON type is `INVALID_RESPONSE`; a status other than `Y`/`N` is `unknown`: never
 * guessed.
 */
export function mapConvosoCampaign(campaign: ConvosoCampaign): Campaign {
  checkWireTypes("convoso", "campaign", campaign, WIRE_TYPES);
  const wire = campaign as Partial<Record<keyof ConvosoCampaign, unknown>>;
  const id = typeof wire.id === "string" || typeof wire.id === "number" ? String(wire.id) : "";
  return {
    vendor: "convoso",
    id,
    ...(typeof wire.name === "string" ? { name: wire.name } : {}),
    status: (typeof wire.status === "string" && STATUS[wire.status]) || "unknown",
    raw: campaign,
  };
}
