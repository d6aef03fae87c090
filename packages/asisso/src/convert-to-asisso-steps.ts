import {
  type Campaign,
  type CampaignPatch,
  rangesByWeekday,
  type TypedStep,
  WEEKDAYS,
} from "@campaignkit/core";
import { vendorFieldsIn } from "@campaignkit/core/internal";
import type { AsissoPaths } from "./asisso-client.js";
import type { components } from "./generated/asisso-api.js";
import type { AsissoPatchExtension } from "./generated/asisso-extension.js";

/** A request of the Asisso provider, checked against the generated paths of its client. */
export type AsissoStep = TypedStep<AsissoPaths>;

type AsissoUpdate = components["schemas"]["UpdateCampaignRequest"];
type AsissoSlot = components["schemas"]["ScheduleSlotRequest"];
type AsissoRetryConfig = components["schemas"]["RetryConfigRequest"];
type CallingHours = NonNullable<NonNullable<CampaignPatch["schedule"]>["callingHours"]>;

export function asissoCampaignId(id: string): number {
  return Number(id);
}

/** One slot per window, Monday first: `day_of_week` 0 = Monday … 6 = Sunday (inferred). */
export function toAsissoSlots(hours: CallingHours): AsissoSlot[] {
  const byDay = rangesByWeekday(hours);
  return WEEKDAYS.flatMap((day, dayOfWeek) =>
    byDay[day].map((range) => ({
      day_of_week: dayOfWeek,
      start_time: range.start,
      end_time: range.end,
    })),
  );
}

/**
 * The redial fields as `retry_config`. `enabled` is always sent with them: false when
 * `maxRetries` is 0 (no redial at all), true otherwise (setting any redial rule turns redial on).
 */
function toRetryConfig(redial: NonNullable<CampaignPatch["redial"]>): AsissoRetryConfig {
  const config: AsissoRetryConfig = { enabled: redial.maxRetries !== 0 };
  if (redial.maxRetries !== undefined) config.max_retries = redial.maxRetries;
  if (redial.delaySeconds !== undefined) config.retry_delay_seconds = redial.delaySeconds;
  if (redial.onBusy !== undefined) config.retry_on_busy = redial.onBusy;
  if (redial.onNoAnswer !== undefined) config.retry_on_no_answer = redial.onNoAnswer;
  if (redial.onVoicemail !== undefined) config.retry_on_voicemail = redial.onVoicemail;
  return config;
}

/**
 * The PATCH body for the fields of `patch` that live in the campaign object. The capabilities
 * make `schedule.timezone` and `schedule.callingHours` travel together, so `schedule_config` is
 * always whole.
 */
export function toAsissoUpdateBody(patch: CampaignPatch): AsissoUpdate {
  const body: AsissoUpdate = {};
  if (patch.name !== undefined) body.name = patch.name;
  const { timezone, callingHours } = patch.schedule ?? {};
  if (timezone !== undefined || callingHours !== undefined) {
    body.schedule_config = {
      enabled: true,
      ...(timezone === undefined ? {} : { timezone }),
      ...(callingHours === undefined ? {} : { slots: toAsissoSlots(callingHours) }),
    };
  }
  if (patch.pacing?.maxConcurrentCalls !== undefined)
    body.max_concurrency = patch.pacing.maxConcurrentCalls;
  const redial = patch.redial ?? {};
  if (Object.values(redial).some((value) => value !== undefined))
    body.retry_config = toRetryConfig(redial);
  return { ...body, ...vendorFieldsIn<AsissoPatchExtension>(patch, "asisso") };
}

const ACTION_OPERATIONS = {
  start: "startCampaign",
  pause: "pauseCampaign",
  resume: "resumeCampaign",
} as const;

export function asissoActionStep(id: string, action: "start" | "pause" | "resume"): AsissoStep {
  return {
    operationId: ACTION_OPERATIONS[action],
    method: "POST",
    path: `/campaign/{campaign_id}/${action}`,
    params: { path: { campaign_id: asissoCampaignId(id) } },
    // Asisso does not document whether a repeated pause or resume is harmless: never retried.
    idempotent: false,
    purpose: `${action} the campaign`,
    ...(action === "resume" ? { role: "resume" as const } : {}),
  };
}

/**
 * What sets an Asisso campaign running from the state it is in (update of 2026-12-01: start
 * works only from `created`, resume only from `paused`; the refusal of either is not
 * documented, so the campaign is read first): `start` from `created`, nothing while it is
 * `syncing` or `running`, `resume` otherwise (from `completed` or `failed`, Asisso's refusal
 * stands).
 */
export function asissoResumeFrom(id: string, current: Campaign): AsissoStep | "running" {
  const wire = (current.raw as { state?: unknown } | undefined)?.state;
  if (wire === "created") return asissoActionStep(id, "start");
  if (wire === "running" || wire === "syncing") return "running";
  return asissoActionStep(id, "resume");
}

/**
 * The requests of an update, in order. Asisso updates only draft or paused campaigns, so a
 * pause goes first (the PATCH then meets a paused campaign) and a resume goes last (the
 * campaign restarts with the new settings). A PATCH alone on a running campaign is refused by
 * Asisso (status undocumented: CONFLICT on 409, VALIDATION on 400).
 */
export function toAsissoUpdateSteps(id: string, patch: CampaignPatch): AsissoStep[] {
  const body = toAsissoUpdateBody(patch);
  const steps: AsissoStep[] = [];
  if (patch.status === "paused") steps.push(asissoActionStep(id, "pause"));
  if (Object.keys(body).length > 0) {
    steps.push({
      operationId: "updateCampaign",
      method: "PATCH",
      path: "/campaign/{campaign_id}",
      params: { path: { campaign_id: asissoCampaignId(id) } },
      body,
      idempotent: true,
      purpose: "update the campaign's settings",
    });
  }
  if (patch.status === "active") steps.push(asissoActionStep(id, "resume"));
  // Pause and resume answer no documented body: a read makes the last answer the campaign.
  if (steps.at(-1)?.operationId !== "updateCampaign") steps.push(asissoGetStep(id));
  return steps;
}

/** GET /campaign/ (inferred endpoint). */
export function asissoListStep(): AsissoStep {
  return {
    operationId: "listCampaigns",
    method: "GET",
    path: "/campaign/",
    idempotent: true,
    purpose: "list campaigns",
  };
}

/** GET /campaign/{campaign_id} (inferred endpoint). */
export function asissoGetStep(id: string): AsissoStep {
  return {
    operationId: "getCampaign",
    method: "GET",
    path: "/campaign/{campaign_id}",
    params: { path: { campaign_id: asissoCampaignId(id) } },
    idempotent: true,
    purpose: "read the campaign",
  };
}
