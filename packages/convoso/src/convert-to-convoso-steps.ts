import type { CampaignPatch, TypedStep } from "@campaignkit/core";
import type { ConvosoPaths } from "./convoso-client.js";

/** A request of the Convoso provider, checked against the generated paths of its client. */
export type ConvosoStep = TypedStep<ConvosoPaths>;

/** The form body of `POST /campaigns/status`, without `auth_token` (the client adds it). */
export type ConvosoStatusBody =
  ConvosoPaths["/campaigns/status"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];

type WritableStatus = NonNullable<CampaignPatch["status"]>;

/** `active` → `true` (shows as `Y`), `paused` → `false` (shows as `N`). */
export function toConvosoStatusFlag(status: WritableStatus): boolean {
  return status === "active";
}

/** The body that sets campaign `id` to `status` (`active` or `paused`). */
export function toConvosoStatusBody(id: string, status: WritableStatus): ConvosoStatusBody {
  return { campaign_id: id, status: toConvosoStatusFlag(status) };
}

export function convosoStatusStep(id: string, status: WritableStatus): ConvosoStep {
  return {
    operationId: "setCampaignStatus",
    method: "POST",
    path: "/campaigns/status",
    body: toConvosoStatusBody(id, status),
    // An absolute value: sending it twice leaves the campaign in the same state.
    idempotent: true,
    purpose: status === "active" ? "activate the campaign" : "deactivate the campaign",
  };
}

/** `POST /campaigns/search`: a read, whose only field is the credential the client adds. */
export function convosoSearchStep(purpose: string): ConvosoStep {
  return {
    operationId: "searchCampaigns",
    method: "POST",
    path: "/campaigns/search",
    body: {},
    idempotent: true,
    purpose,
  };
}

export const READ_BACK = "read the campaign back";

/**
 * The requests of an update, in order: the status change (the only field Convoso can set), then
 * a search that reads the campaign back, since `/campaigns/status` answers only
 * `{"success": true}`. When the read-back fails, the status change has been applied.
 */
export function toConvosoUpdateSteps(id: string, patch: CampaignPatch): ConvosoStep[] {
  const steps: ConvosoStep[] = [];
  if (patch.status !== undefined) steps.push(convosoStatusStep(id, patch.status));
  steps.push(convosoSearchStep(READ_BACK));
  return steps;
}
