import {
  type CampaignPatch,
  sameWindowEveryDay,
  type TypedStep,
  validationError,
} from "@campaignkit/core";
import { vendorFieldsIn } from "@campaignkit/core/internal";
import type { components } from "./generated/velip-api.js";
import type { VelipPatchExtension } from "./generated/velip-extension.js";
import type { VelipPaths } from "./velip-client.js";
import { VELIP_MAX_REG } from "./velip-responses.js";

/** A request of the Velip provider, checked against the generated paths of its client. */
export type VelipStep = TypedStep<VelipPaths>;

type VelipChange = components["schemas"]["ChangeCampaignRequest"];

export function velipCampaignId(id: string): number {
  return Number(id);
}

/** `HH:MM` → `HH:MM:SS`, the form ChangeCampaign takes. */
function toTimeHms(time: string): string {
  return `${time}:00`;
}

/**
 * The ChangeCampaign body for `patch`: `cp_id` and the mapped fields, in PATCH_FIELDS order.
 * A weekly schedule is sent only when it is one window every day (checked by the capabilities
 * before this runs; refused here too, so nothing is ever dropped).
 */
export function toVelipChangeBody(id: string, patch: CampaignPatch): VelipChange {
  const body: VelipChange = { cp_id: velipCampaignId(id) };
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.status !== undefined) body.active = patch.status === "active" ? 1 : 0;
  if (patch.schedule?.startDate !== undefined) body.date_start = patch.schedule.startDate;
  if (patch.schedule?.endDate !== undefined) body.date_end = patch.schedule.endDate;
  if (patch.schedule?.callingHours !== undefined) {
    const window = sameWindowEveryDay(patch.schedule.callingHours);
    if (!window) {
      throw validationError(
        "velip",
        "schedule.callingHours",
        "velip has one daily window: every weekday needs the same single range",
      );
    }
    body.time_start = toTimeHms(window.start);
    body.time_end = toTimeHms(window.end);
  }
  const rate = patch.pacing?.callsPerMinute;
  if (rate !== undefined) body.lig_min = rate === "max" ? "max" : String(rate);
  if (patch.pacing?.maxConcurrentTransfers !== undefined)
    body.pas = patch.pacing.maxConcurrentTransfers;
  return { ...body, ...vendorFieldsIn<VelipPatchExtension>(patch, "velip") };
}

/** GetCampaignsList for one campaign: Velip has no get-one endpoint. */
export function velipReadStep(id: string): VelipStep {
  return {
    operationId: "getCampaignsList",
    method: "POST",
    path: "/GetCampaignsList.php",
    body: { cp_id: velipCampaignId(id) },
    idempotent: true,
    purpose: "read the campaign",
  };
}

/** GetCampaignsList of up to `maxreg` campaigns: Velip documents no paging beyond it. */
export function velipListStep(): VelipStep {
  return {
    operationId: "getCampaignsList",
    method: "POST",
    path: "/GetCampaignsList.php",
    body: { maxreg: VELIP_MAX_REG },
    idempotent: true,
    purpose: "list campaigns",
  };
}

/** One ChangeCampaign request that sets `active`: 0 to pause, 1 to resume. */
export function velipActiveStep(id: string, action: "pause" | "resume"): VelipStep {
  return {
    operationId: "changeCampaign",
    method: "POST",
    path: "/ChangeCampaign.php",
    body: { cp_id: velipCampaignId(id), active: action === "pause" ? 0 : 1 },
    // An absolute value: a repeat answers 230 "Parameters without change", a success.
    idempotent: true,
    purpose: `${action} the campaign`,
  };
}

/**
 * The requests of an update: always exactly one ChangeCampaign, which Velip applies atomically
 * (status and settings together), so an update is never half-applied. When its answer holds no
 * campaign (code 230, or no `campaigns`), the provider reads the campaign back afterwards.
 */
export function toVelipUpdateSteps(id: string, patch: CampaignPatch): VelipStep[] {
  return [
    {
      operationId: "changeCampaign",
      method: "POST",
      path: "/ChangeCampaign.php",
      body: toVelipChangeBody(id, patch),
      // It sets absolute values: sending it twice leaves the same campaign (the repeat answers 230).
      idempotent: true,
      purpose: "change the campaign",
    },
  ];
}
