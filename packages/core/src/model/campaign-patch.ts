import * as z from "zod/mini";
import { CampaignkitError } from "../errors.js";
import { PacingSchema, RedialSchema, ScheduleSchema } from "./campaign.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `{ <vendor>: { <field>: value } }`; each provider checks its own entry's fields (z.record would cost the bundle ~1 kB). */
const isVendorEntries = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every(isObject);

/** The statuses a patch may set (`status`): a campaign is started or paused, nothing else. */
export const PATCH_STATUSES = ["active", "paused"] as const;

/** The writable subset of a campaign. Unknown keys, impossible times and non-IANA zones are errors. */
export const CampaignPatchSchema = z
  .strictObject({
    name: z.optional(z.string().check(z.minLength(1, "must not be empty"))),
    status: z.optional(z.enum(PATCH_STATUSES)),
    schedule: z.optional(ScheduleSchema),
    pacing: z.optional(PacingSchema),
    redial: z.optional(RedialSchema),
    /**
     * Per vendor, documented writable fields the normalized ones do not cover (e.g.
     * `{ velip: { max_answered: 100 } }`): each provider checks and sends its own entry against
     * its spec's rules and leaves the others' alone.
     */
    vendor: z.optional(
      z.custom<Record<string, Record<string, unknown>>>(
        isVendorEntries,
        "must be an object of one object per vendor",
      ),
    ),
  })
  .check(z.refine((patch) => countFields(patch) > 0, "must change at least one field"));
/** The changes to make to a campaign, in the normalized model (see `CampaignPatchSchema`). */
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;

/** Every leaf of a patch, as a dotted path: what capabilities are declared for. */
export const PATCH_FIELDS = [
  "name",
  "status",
  "schedule.timezone",
  "schedule.startDate",
  "schedule.endDate",
  "schedule.callingHours",
  "pacing.callsPerMinute",
  "pacing.maxConcurrentCalls",
  "pacing.maxConcurrentTransfers",
  "redial.maxRetries",
  "redial.delaySeconds",
  "redial.onBusy",
  "redial.onNoAnswer",
  "redial.onVoicemail",
] as const;
/** A dotted path of a patch leaf, one of `PATCH_FIELDS`. */
export type PatchField = (typeof PATCH_FIELDS)[number];

/**
 * What kind of value a patch field takes, as `CampaignPatchSchema` checks it (a test holds the
 * two together): `text` a non-empty string, `integer` a whole number from `minimum`, `boolean`,
 * `calls-per-minute` a whole number from `minimum` or `"max"`, `calling-hours` a
 * `CallingHours`, `date` a calendar date `YYYY-MM-DD`, `time-zone` an IANA name, `status` one
 * of `values`.
 */
export type PatchFieldMetadata =
  | { readonly kind: "text" }
  | { readonly kind: "integer"; readonly minimum: number }
  | { readonly kind: "boolean" }
  | { readonly kind: "calls-per-minute"; readonly minimum: number }
  | { readonly kind: "calling-hours" }
  | { readonly kind: "date" }
  | { readonly kind: "time-zone" }
  | { readonly kind: "status"; readonly values: typeof PATCH_STATUSES };

/** One of the kinds of `PatchFieldMetadata`. */
export type PatchValueKind = PatchFieldMetadata["kind"];

/**
 * The value kind of every `PATCH_FIELDS` entry, in the same order: what a text front end (the
 * CLI's `--set` and CSV cells) reads a value as before `parseCampaignPatch` checks it.
 */
export const PATCH_FIELD_METADATA: { readonly [F in PatchField]: PatchFieldMetadata } = {
  name: { kind: "text" },
  status: { kind: "status", values: PATCH_STATUSES },
  "schedule.timezone": { kind: "time-zone" },
  "schedule.startDate": { kind: "date" },
  "schedule.endDate": { kind: "date" },
  "schedule.callingHours": { kind: "calling-hours" },
  "pacing.callsPerMinute": { kind: "calls-per-minute", minimum: 1 },
  "pacing.maxConcurrentCalls": { kind: "integer", minimum: 1 },
  "pacing.maxConcurrentTransfers": { kind: "integer", minimum: 1 },
  "redial.maxRetries": { kind: "integer", minimum: 0 },
  "redial.delaySeconds": { kind: "integer", minimum: 0 },
  "redial.onBusy": { kind: "boolean" },
  "redial.onNoAnswer": { kind: "boolean" },
  "redial.onVoicemail": { kind: "boolean" },
};

/** The metadata of `field` when it is one of `PATCH_FIELDS`, else `undefined`. */
export function patchFieldMetadata(field: string): PatchFieldMetadata | undefined {
  return Object.hasOwn(PATCH_FIELD_METADATA, field)
    ? PATCH_FIELD_METADATA[field as PatchField]
    : undefined;
}

/** The value of `field` in `patch`, or undefined. */
export function patchValue(patch: CampaignPatch, field: PatchField): unknown {
  const [group, key] = field.split(".") as [keyof CampaignPatch, string | undefined];
  const value = patch[group];
  return key === undefined ? value : (value as Record<string, unknown> | undefined)?.[key];
}

/** The fields a patch sets, in PATCH_FIELDS order. */
export function fieldsOf(patch: CampaignPatch): PatchField[] {
  return PATCH_FIELDS.filter((field) => patchValue(patch, field) !== undefined);
}

function countFields(patch: Record<string, unknown>): number {
  return Object.values(patch).filter(
    (value) =>
      value !== undefined &&
      (typeof value !== "object" || Object.values(value as object).some((v) => v !== undefined)),
  ).length;
}

/** One thing wrong with an input: the field, as a dotted path, and the rule it breaks. */
export interface FieldProblem {
  field: string;
  rule: string;
}

function describeIssue(issue: z.core.$ZodIssue): FieldProblem[] {
  const at = (extra?: string) =>
    [...issue.path.map(String), ...(extra ? [extra] : [])].join(".") || "(patch)";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ field: at(key), rule: "is not a known field" }));
    case "invalid_type":
      return [
        {
          field: at(),
          rule: issue.message !== "Invalid input" ? issue.message : `must be ${issue.expected}`,
        },
      ];
    case "invalid_value":
      return [
        {
          field: at(),
          rule: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        },
      ];
    case "invalid_union":
      return [{ field: at(), rule: "does not match any accepted form" }];
    default:
      return [{ field: at(), rule: issue.message }];
  }
}

/** The patches `parseCampaignPatch` returned: frozen, so they still hold what was checked. */
const parsedPatches = new WeakSet<object>();

/** Freezes what zod built (every group, window and array); `vendor` entries stay the caller's. */
function frozen<T>(value: T, skip?: string): T {
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) if (key !== skip) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses an untrusted patch. Throws a `VALIDATION` error that names every bad field and its
 * rule (the first one in `field`), before anything is sent.
 *
 * The patch it returns is frozen (its `vendor` entries are the caller's own objects, left as
 * they are) and remembered, so a patch is parsed once per call: given one of its own results
 * back, as a provider is when the CLI has parsed the patch first, it returns it unchanged after
 * checking only that the `vendor` entries are still one object per vendor.
 */
export function parseCampaignPatch(vendor: string, input: unknown): CampaignPatch {
  if (isObject(input) && parsedPatches.has(input)) {
    const entries = (input as CampaignPatch).vendor;
    if (entries === undefined || isVendorEntries(entries)) return input as CampaignPatch;
  }
  const result = CampaignPatchSchema.safeParse(input);
  if (result.success) {
    const patch = frozen(result.data, "vendor");
    parsedPatches.add(patch);
    return patch;
  }
  const problems = result.error.issues.flatMap(describeIssue);
  const [first] = problems;
  throw new CampaignkitError({
    code: "VALIDATION",
    vendor,
    field: first?.field,
    message: `${vendor}: invalid patch: ${problems.map((p) => `${p.field} ${p.rule}`).join("; ")}`,
    details: { problems },
  });
}
