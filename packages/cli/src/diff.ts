import {
  type CallingHours,
  type Campaign,
  type CampaignPatch,
  fieldsOf,
  type PatchField,
  patchValue,
  rangesByWeekday,
} from "@campaignkit/core";

/** A change of one input line: a patch, or a pause / resume action. */
export type Change = { patch: CampaignPatch } | { action: "pause" | "resume" };

/** The status an action leaves the campaign in. */
export function targetStatus(action: "pause" | "resume"): "paused" | "active" {
  return action === "pause" ? "paused" : "active";
}

/** The normalized value of a patch field in a campaign as read, or undefined. */
export function campaignValue(campaign: Campaign, field: PatchField): unknown {
  const [group, key] = field.split(".") as [keyof Campaign, string | undefined];
  const value = campaign[group];
  return key === undefined ? value : (value as Record<string, unknown> | undefined)?.[key];
}

function sameCallingHours(a: CallingHours, b: CallingHours): boolean {
  const left = rangesByWeekday(a);
  const right = rangesByWeekday(b);
  return Object.keys(left).every((day) => {
    const l = left[day as keyof typeof left];
    const r = right[day as keyof typeof right];
    return (
      l.length === r.length &&
      l.every((range, i) => range.start === r[i]?.start && range.end === r[i]?.end)
    );
  });
}

/** Whether a campaign as read already holds the value a patch sets for one field. */
export function fieldHolds(campaign: Campaign, field: PatchField, wanted: unknown): boolean {
  const current = campaignValue(campaign, field);
  if (current === undefined) return false; // not read back: cannot tell, so it is sent
  if (field === "schedule.callingHours") {
    return sameCallingHours(current as CallingHours, wanted as CallingHours);
  }
  return current === wanted;
}

/** The patch fields whose value the campaign does not hold yet (empty: nothing to send). */
export function fieldsToChange(campaign: Campaign, patch: CampaignPatch): PatchField[] {
  return fieldsOf(patch).filter((field) => !fieldHolds(campaign, field, patchValue(patch, field)));
}

/**
 * Whether the campaign already shows the change: every field the patch sets equals the
 * current normalized value, or the action's target status already holds.
 */
export function alreadyApplied(campaign: Campaign, change: Change): boolean {
  if ("action" in change) return campaign.status === targetStatus(change.action);
  // A vendor's own field (patch.vendor) is not in the normalized campaign: it cannot be
  // confirmed from a read, so a line that sets one is always sent (each is an absolute value).
  if (change.patch.vendor && Object.keys(change.patch.vendor).length > 0) return false;
  return fieldsToChange(campaign, change.patch).length === 0;
}

/**
 * The part of a patch the campaign does not hold yet: what a line interrupted mid-write still
 * has to send. A request of the line that was answered before the interruption set fields the
 * read now shows, so it is not sent again (Asisso's pause before its PATCH, say). A field the
 * vendor does not read back cannot be confirmed and stays in: every request that sets such a
 * field sets an absolute value (the idempotent PATCH-style writes of docs/reliability.md), so
 * sending it again leaves the same state.
 */
export function remainingPatch(campaign: Campaign, patch: CampaignPatch): CampaignPatch {
  const remaining: Record<string, unknown> = {};
  for (const field of fieldsToChange(campaign, patch)) {
    const [group, key] = field.split(".") as [string, string | undefined];
    const value = patchValue(patch, field);
    if (key === undefined) remaining[group] = value;
    else remaining[group] = { ...(remaining[group] as object | undefined), [key]: value };
  }
  // The vendor's own fields cannot be confirmed from a read: they are sent again.
  if (patch.vendor) remaining.vendor = patch.vendor;
  return remaining as CampaignPatch;
}
