import { CampaignkitError } from "../errors.js";
import { rangesByWeekday, sameWindowEveryDay } from "../model/calling-hours.js";
import type { CallingHours } from "../model/campaign.js";
import {
  type CampaignPatch,
  fieldsOf,
  type PatchField,
  patchValue,
} from "../model/campaign-patch.js";

/** Whether a capability rests on the vendor's documentation or is inferred from it. */
export type Evidence = "documented" | "inferred";

/** The operations of every `CampaignProvider`, as capabilities name them. */
export const PROVIDER_OPERATIONS = [
  "getCampaign",
  "listCampaigns",
  "updateCampaign",
  "pauseCampaign",
  "resumeCampaign",
] as const;
/** An operation of `CampaignProvider`, one of `PROVIDER_OPERATIONS`. */
export type ProviderOperation = (typeof PROVIDER_OPERATIONS)[number];

/** Whether a provider supports an operation, with the vendor requests it sends and why. */
export interface OperationSupport {
  supported: boolean;
  /** The vendor requests it sends, e.g. `POST /GetCampaignsList.php`. */
  requests?: string;
  evidence?: Evidence;
  note?: string;
}

/** Which calling-hours shapes a vendor takes: a daily window, and which weekly schedules. */
export interface CallingHoursSupport {
  daily: boolean;
  /** `same-every-day`: a weekly schedule only when every day has the same single window. */
  weekly: "any" | "one-range-per-day" | "same-every-day";
  /** The most windows a week may hold in total. */
  maxRanges?: number;
}

/**
 * Whether a provider can write a patch field, the wire field it maps to, and the bounds a value
 * must keep.
 */
export interface FieldSupport {
  supported: boolean;
  /** The wire field(s) it maps to, e.g. `lig_min`, `scheduling.<day>`. */
  wire?: string;
  evidence?: Evidence;
  note?: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** For `pacing.callsPerMinute`: whether `"max"` (no throttle) is accepted. */
  allowsMax?: boolean;
  callingHours?: CallingHoursSupport;
  /** Fields that must be set together with this one. */
  requires?: PatchField[];
}

/** What a provider can do: which operations, which patch fields, with which bounds. */
export interface ProviderCapabilities {
  operations: Record<ProviderOperation, OperationSupport>;
  patch: Record<PatchField, FieldSupport>;
}

const unsupported = (vendor: string, field: string, note?: string) =>
  new CampaignkitError({
    code: "UNSUPPORTED",
    vendor,
    field,
    message: `${vendor} cannot set ${field}${note ? `: ${note}` : ""}`,
  });

const invalid = (vendor: string, field: string, rule: string) =>
  new CampaignkitError({
    code: "VALIDATION",
    vendor,
    field,
    message: `${vendor}: invalid ${field}: ${rule}`,
  });

function checkCallingHours(
  vendor: string,
  field: string,
  hours: CallingHours,
  support: CallingHoursSupport,
) {
  if ("daily" in hours) {
    if (!support.daily)
      throw invalid(vendor, field, `${vendor} takes per-weekday windows, not a daily one`);
    return;
  }
  const byDay = Object.values(rangesByWeekday(hours));
  if (support.weekly === "same-every-day" && !sameWindowEveryDay(hours)) {
    throw invalid(
      vendor,
      field,
      `${vendor} has one daily window: every weekday needs the same single range`,
    );
  }
  if (support.weekly === "one-range-per-day" && byDay.some((ranges) => ranges.length > 1)) {
    throw invalid(vendor, field, `${vendor} takes at most one window per weekday`);
  }
  const total = byDay.reduce((sum, ranges) => sum + ranges.length, 0);
  if (support.maxRanges !== undefined && total > support.maxRanges) {
    throw invalid(vendor, field, `${vendor} takes at most ${support.maxRanges} windows a week`);
  }
  if (total === 0) throw invalid(vendor, field, "must have at least one window");
}

function checkValue(vendor: string, field: PatchField, value: unknown, support: FieldSupport) {
  if (value === "max" && support.allowsMax === false) {
    throw invalid(vendor, field, `${vendor} needs a number, not "max"`);
  }
  if (typeof value === "number") {
    if (support.min !== undefined && value < support.min)
      throw invalid(vendor, field, `must be at least ${support.min}`);
    if (support.max !== undefined && value > support.max)
      throw invalid(vendor, field, `must be at most ${support.max}`);
  }
  if (typeof value === "string" && value !== "max") {
    if (support.minLength !== undefined && value.length < support.minLength) {
      throw invalid(vendor, field, `must be at least ${support.minLength} characters`);
    }
    if (support.maxLength !== undefined && value.length > support.maxLength) {
      throw invalid(vendor, field, `must be at most ${support.maxLength} characters`);
    }
  }
  if (support.callingHours)
    checkCallingHours(vendor, field, value as CallingHours, support.callingHours);
}

/**
 * Refuses, before any request, a patch the vendor cannot honour: an unsupported field is
 * `UNSUPPORTED`, a value outside the vendor's bounds is `VALIDATION`. Nothing is dropped.
 */
export function checkPatchSupported(
  vendor: string,
  capabilities: ProviderCapabilities,
  patch: CampaignPatch,
): void {
  const fields = fieldsOf(patch);
  for (const field of fields) {
    const support = capabilities.patch[field];
    if (!support.supported) throw unsupported(vendor, field, support.note);
    checkValue(vendor, field, patchValue(patch, field), support);
    for (const required of support.requires ?? []) {
      if (!fields.includes(required))
        throw invalid(vendor, field, `${vendor} needs ${required} set with it`);
    }
  }
}

/**
 * Throws `UNSUPPORTED`, before any request, when the capabilities say the operation is not
 * supported.
 */
export function checkOperationSupported(
  vendor: string,
  capabilities: ProviderCapabilities,
  operation: ProviderOperation,
): void {
  const support = capabilities.operations[operation];
  if (!support.supported) {
    throw new CampaignkitError({
      code: "UNSUPPORTED",
      vendor,
      message: `${vendor} does not support ${operation}${support.note ? `: ${support.note}` : ""}`,
    });
  }
}
