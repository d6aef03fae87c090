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

/** `error`, saying which requests were applied before it failed (they are not undone). */
export function markApplied(error: unknown, applied: readonly string[], failed: string): unknown {
  if (!(error instanceof CampaignkitError) || applied.length === 0) return error;
  return new CampaignkitError({
    code: error.code,
    vendor: error.vendor,
    httpStatus: error.httpStatus,
    vendorCode: error.vendorCode,
    field: error.field,
    retryable: error.retryable,
    details: { ...error.details, applied, failed },
    message: `${error.message} (already applied: ${applied.join("; ")})`,
    cause: error,
  });
}

/**
 * Sends the steps of one operation in order. When a later step fails, the error says which
 * earlier requests were already applied (`details.applied`), since they are not undone.
 */
export async function runSteps<T>(
  steps: readonly RequestStep[],
  send: (step: RequestStep) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      results.push(await send(step));
    } catch (error) {
      if (index === 0) throw error;
      throw markApplied(
        error,
        steps.slice(0, index).map((s) => s.purpose),
        step.purpose,
      );
    }
  }
  return results;
}
