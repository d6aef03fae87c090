import {
  type CampaignPatch,
  sameWindowEveryDay,
  type TypedStep,
  validationError,
} from "@campaignkit/core";
import { vendorFieldsIn } from "@campaignkit/core/internal";
import type { components } from "./generated/voxo-api.js";
import type { VoxoPatchExtension } from "./generated/voxo-extension.js";
import type { VoxoPaths } from "./voxo-client.js";

/** A request of the Voxo provider, checked against the generated paths of its client. */
export type VoxoStep = TypedStep<VoxoPaths>;

type VoxoUpdate = components["schemas"]["UpdateCampaignRequest"];
type VoxoState = NonNullable<VoxoUpdate["state"]>;
type CallingHours = NonNullable<NonNullable<CampaignPatch["schedule"]>["callingHours"]>;

const STATE: Record<NonNullable<CampaignPatch["status"]>, VoxoState> = {
  active: "READY",
  paused: "PAUSED",
};

export function voxoCampaignId(id: string): number {
  return Number(id);
}

/**
 * VOXO has one calling window for every day (`callHoursStart`/`callHoursEnd`). A weekly
 * schedule is accepted only when it is that window on all seven days; the capability check
 * refuses anything else before this runs, and so does this function when called directly.
 */
function toCallHours(hours: CallingHours): Pick<VoxoUpdate, "callHoursStart" | "callHoursEnd"> {
  const window = sameWindowEveryDay(hours);
  if (!window) {
    throw validationError(
      "voxo",
      "schedule.callingHours",
      "voxo has one daily window: every weekday needs the same single range",
    );
  }
  return { callHoursStart: window.start, callHoursEnd: window.end };
}

/**
 * The PATCH body of `patch`: absolute values only, so sending it twice changes nothing more.
 * `timeStart`/`timeEnd` are never sent (VOXO does not document how they relate to the calling
 * hours), nor `callFrequency` (seconds, not a documented call rate).
 */
export function toVoxoUpdateBody(patch: CampaignPatch): VoxoUpdate {
  const body: VoxoUpdate = {};
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.status !== undefined) body.state = STATE[patch.status];
  if (patch.schedule?.timezone !== undefined) body.timezone = patch.schedule.timezone;
  if (patch.schedule?.startDate !== undefined) body.dateStart = patch.schedule.startDate;
  if (patch.schedule?.endDate !== undefined) body.dateEnd = patch.schedule.endDate;
  if (patch.schedule?.callingHours !== undefined)
    Object.assign(body, toCallHours(patch.schedule.callingHours));
  return { ...body, ...vendorFieldsIn<VoxoPatchExtension>(patch, "voxo") };
}

function patchStep(id: string, body: VoxoUpdate, purpose: string): VoxoStep {
  return {
    operationId: "updateCallCampaign",
    method: "PATCH",
    path: "/admin/call-campaigns/{campaignId}",
    params: { path: { campaignId: voxoCampaignId(id) } },
    body,
    // Every value is absolute (a name, a state, dates, times), so repeating it is safe.
    idempotent: true,
    purpose,
  };
}

/** Pausing or resuming: the same PATCH with only `state` (VOXO has no start/stop action). */
export function voxoGetStep(id: string): VoxoStep {
  return {
    operationId: "getCallCampaign",
    method: "GET",
    path: "/call-campaigns/{id}",
    params: { path: { id: voxoCampaignId(id) } },
    idempotent: true,
    purpose: "read the campaign",
  };
}

/** The legacy list of one tenant: a bare array without paging, so one answer holds them all. */
export function voxoListStep(tenantId: number): VoxoStep {
  return {
    operationId: "listCallCampaigns",
    method: "GET",
    path: "/call-campaigns",
    params: { query: { tenantId } },
    idempotent: true,
    purpose: "list the tenant's campaigns",
  };
}

export function voxoStateStep(id: string, status: "active" | "paused"): VoxoStep {
  return patchStep(
    id,
    { state: STATE[status] },
    status === "paused" ? "pause the campaign" : "resume the campaign",
  );
}

/**
 * The requests of an update: always exactly one PATCH, state and settings together, so there is
 * no order to choose and no partial failure. Its answer is the updated campaign.
 */
export function toVoxoUpdateSteps(id: string, patch: CampaignPatch): VoxoStep[] {
  return [patchStep(id, toVoxoUpdateBody(patch), "update the campaign")];
}
