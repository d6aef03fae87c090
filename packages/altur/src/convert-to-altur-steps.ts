import {
  type CampaignkitError,
  type CampaignPatch,
  rangesByWeekday,
  type TypedStep,
  WEEKDAYS,
} from "@campaignkit/core";
import { vendorFieldsIn } from "@campaignkit/core/internal";
import type { AlturPaths } from "./altur-client.js";
import type { components } from "./generated/altur-api.js";
import type { AlturPatchExtension } from "./generated/altur-extension.js";

/** A request of the Altur provider, checked against the generated paths of its client. */
export type AlturStep = TypedStep<AlturPaths>;

type AlturUpdate = components["schemas"]["UpdateCampaignRequest"];
type AlturScheduling = NonNullable<AlturUpdate["scheduling"]>;

export function alturCampaignId(id: string): number {
  return Number(id);
}

function toScheduling(
  hours: NonNullable<NonNullable<CampaignPatch["schedule"]>["callingHours"]>,
): AlturScheduling {
  const byDay = rangesByWeekday(hours);
  const scheduling: AlturScheduling = {};
  for (const day of WEEKDAYS) {
    const [window] = byDay[day];
    scheduling[day] = window
      ? { startTime: window.start, stopTime: window.end, active: true }
      : { active: false };
  }
  return scheduling;
}

/** The PATCH body for the fields of `patch` that live in the campaign object. */
export function toAlturUpdateBody(patch: CampaignPatch): AlturUpdate {
  const body: AlturUpdate = {};
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.schedule?.timezone !== undefined) body.timezone = patch.schedule.timezone;
  if (patch.schedule?.callingHours !== undefined)
    body.scheduling = toScheduling(patch.schedule.callingHours);
  if (patch.redial?.maxRetries !== undefined) body.retries = patch.redial.maxRetries;
  return { ...body, ...vendorFieldsIn<AlturPatchExtension>(patch, "altur") };
}

export function alturActionStep(id: string, action: "pause" | "resume" | "activate"): AlturStep {
  return {
    operationId: "runCampaignAction",
    method: "POST",
    path: "/campaigns/{id}/{action}",
    params: { path: { id: alturCampaignId(id), action } },
    // pause and resume are documented no-ops when the campaign is already there; activate is
    // not (409 from active), so it is never repeated.
    idempotent: action !== "activate",
    purpose: `${action} the campaign`,
    ...(action === "resume" ? { role: "resume" as const } : {}),
  };
}

/**
 * A resume Altur refused for the campaign's state (409 `INVALID_STATUS_TRANSITION`, whose body
 * names `current_status`), done as the user means it: `activate` from `pending` or `ready` (a
 * campaign that never ran), nothing from `cooldown` (it runs, between two cycles; shown as
 * active). Any other refusal (a `finished` campaign) stands.
 */
export function alturResumeInstead(
  id: string,
  refusal: CampaignkitError,
): AlturStep | "running" | undefined {
  if (refusal.vendorCode !== "INVALID_STATUS_TRANSITION") return undefined;
  const current = refusal.details?.currentStatus;
  if (current === "pending" || current === "ready") return alturActionStep(id, "activate");
  if (current === "cooldown" || current === "active") return "running";
  return undefined;
}

export function alturListStep(): AlturStep {
  return {
    operationId: "listCampaigns",
    method: "GET",
    path: "/campaigns",
    idempotent: true,
    purpose: "list campaigns",
  };
}

export function alturGetStep(id: string): AlturStep {
  return {
    operationId: "getCampaign",
    method: "GET",
    path: "/campaigns/{id}",
    params: { path: { id: alturCampaignId(id) } },
    idempotent: true,
    purpose: "read the campaign",
  };
}

/**
 * The requests of an update, in order. A pause goes first, so the campaign stops dialling
 * before its settings change; a resume goes last, so it restarts with the new settings. Every
 * one of them answers `{success, campaign}` (actions too, update of 2026-12-01), so the last
 * answer is the campaign afterwards and no read follows.
 */
export function toAlturUpdateSteps(id: string, patch: CampaignPatch): AlturStep[] {
  const body = toAlturUpdateBody(patch);
  const steps: AlturStep[] = [];
  if (patch.status === "paused") steps.push(alturActionStep(id, "pause"));
  if (Object.keys(body).length > 0) {
    steps.push({
      operationId: "updateCampaign",
      method: "PATCH",
      path: "/campaigns/{id}",
      params: { path: { id: alturCampaignId(id) } },
      body,
      idempotent: true,
      purpose: "update the campaign's settings",
    });
  }
  if (patch.status === "active") steps.push(alturActionStep(id, "resume"));
  return steps;
}
