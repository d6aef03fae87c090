import { CampaignkitError, validationError } from "../errors.js";
import { type Campaign, CampaignSchema } from "../model/campaign.js";
import type { RequestStep } from "./request-step.js";

/** Refuses an id the vendor cannot address (e.g. not a whole number where the vendor needs one). */
export function checkCampaignId(vendor: string, id: unknown, kind: "integer" | "string"): string {
  if (typeof id !== "string" || id.trim() === "")
    throw validationError(vendor, "id", "must be a non-empty string");
  // At most 15 digits: every such id survives a round trip through a JavaScript number.
  if (kind === "integer" && !/^[1-9]\d{0,14}$/.test(id)) {
    throw validationError(vendor, "id", `${vendor} campaign ids are positive whole numbers`);
  }
  return id;
}

/**
 * An `INVALID_RESPONSE` error: the vendor answered an operation with a body that is not what its
 * spec says.
 */
export function invalidResponse(
  vendor: string,
  operationId: string,
  problem: string,
  cause?: unknown,
) {
  return new CampaignkitError({
    code: "INVALID_RESPONSE",
    vendor,
    message: `${vendor}: ${operationId} answered with an unexpected body: ${problem}`,
    cause,
  });
}

/** A campaign id from a vendor answer (a number or a non-empty string), or `INVALID_RESPONSE`. */
export function wireId(vendor: string, operationId: string, value: unknown): string {
  if (
    (typeof value === "number" && Number.isSafeInteger(value)) ||
    (typeof value === "string" && value.trim() !== "")
  ) {
    return String(value);
  }
  throw invalidResponse(vendor, operationId, "a campaign has no usable id");
}

/** A JSON type, as a vendor answer's field may hold it. */
export type WireType = "string" | "number" | "boolean" | "object" | "array";

function wireTypeOf(value: unknown): WireType | "null" | "undefined" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as WireType | "undefined";
}

/**
 * Checks the fields of a vendor object that feed normalized fields: each one absent (missing or
 * `null`) or of one of its documented types. A wrong type is a broken answer, never a value to
 * drop quietly: `INVALID_RESPONSE` naming the vendor's field.
 */
export function checkWireTypes(
  vendor: string,
  what: string,
  wire: unknown,
  types: Readonly<Record<string, readonly WireType[]>>,
): void {
  if (wire === null || typeof wire !== "object" || Array.isArray(wire)) {
    throw invalidResponse(vendor, what, "a campaign is not an object");
  }
  for (const [field, allowed] of Object.entries(types)) {
    const actual = wireTypeOf((wire as Record<string, unknown>)[field]);
    if (actual !== "null" && actual !== "undefined" && !allowed.includes(actual)) {
      throw new CampaignkitError({
        code: "INVALID_RESPONSE",
        vendor,
        message: `${vendor}: ${what} answered with an unexpected body: ${JSON.stringify(field)} is ${actual === "object" ? "an" : "a"} ${actual}, not ${allowed.join(" or ")}`,
        details: { wireField: field, expected: allowed, got: actual },
      });
    }
  }
}

/** The body as an object, or an `INVALID_RESPONSE` error. */
export function expectObject(
  vendor: string,
  operationId: string,
  body: unknown,
  what = "body",
): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw invalidResponse(vendor, operationId, `${what} is not an object`);
  }
  return body as Record<string, unknown>;
}

/** A mapped campaign that passes the core schema, or an `INVALID_RESPONSE` error naming the field. */
export function checkedCampaign(vendor: string, operationId: string, campaign: Campaign): Campaign {
  const result = CampaignSchema.safeParse(campaign);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw invalidResponse(
    vendor,
    operationId,
    `${issue?.path.join(".") || "campaign"} ${issue?.message ?? "is invalid"}`,
  );
}

/**
 * `error`, saying which requests were applied before it failed (they are not undone). When the
 * failing request was itself applied (a write whose answer could not be read), it stays in
 * `applied`, there is no `failed`, and `notSent` lists the requests that never left.
 */
export function markApplied(
  error: unknown,
  applied: readonly string[],
  failed: string,
  notSent: readonly string[] = [],
): unknown {
  if (!(error instanceof CampaignkitError)) return error;
  const own = error.details?.applied;
  const selfApplied = Array.isArray(own) && own.length > 0;
  if (applied.length === 0 && !(selfApplied && notSent.length > 0)) return error;
  const { failed: _previous, ...details } = error.details ?? {};
  return new CampaignkitError({
    code: error.code,
    vendor: error.vendor,
    httpStatus: error.httpStatus,
    vendorCode: error.vendorCode,
    field: error.field,
    retryable: error.retryable,
    details: {
      ...details,
      applied: [...applied, ...(selfApplied ? (own as string[]) : [])],
      ...(selfApplied ? (notSent.length > 0 ? { notSent } : {}) : { failed }),
    },
    message:
      applied.length > 0
        ? `${error.message} (already applied: ${applied.join("; ")})`
        : error.message,
    cause: error,
  });
}

/**
 * Sends the steps of one operation in order. When a later step fails, the error says which
 * earlier requests were already applied (`details.applied`), since they are not undone.
 */
export async function runSteps<T>(
  steps: readonly RequestStep[],
  send: (step: RequestStep, index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      results.push(await send(step, index));
    } catch (error) {
      throw markApplied(
        error,
        steps.slice(0, index).map((s) => s.purpose),
        step.purpose,
        steps.slice(index + 1).map((s) => s.purpose),
      );
    }
  }
  return results;
}
