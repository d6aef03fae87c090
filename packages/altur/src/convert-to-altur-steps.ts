import {
  type CampaignPatch,
  rangesByWeekday,
  type TypedStep,
  vendorFieldsIn,
  WEEKDAYS,
} from "@campaignkit/core";
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

export function alturActionStep(id: string, action: "pause" | "resume"): AlturStep {
  return {
    operationId: "runCampaignAction",
    method: "POST",
    path: "/campaigns/{id}/{action}",
    params: { path: { id: alturCampaignId(id), action } },
    // pause and resume are documented no-ops when the campaign is already there.
    idempotent: true,
    purpose: `${action} the campaign`,
  };
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
 * before its settings change; a resume goes last, so it restarts with the new settings, and
 * is followed by a read, since Altur documents no body for actions: the last request's answer
 * is always the campaign afterwards.
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
  if (steps.at(-1)?.operationId === "runCampaignAction") steps.push(alturGetStep(id));
  return steps;
}
