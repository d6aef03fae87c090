import { CampaignkitError, validationError } from "../errors.js";
import { type Campaign, CampaignSchema } from "../model/campaign.js";
import type { RequestStep } from "./request-step.js";

/** Refuses an id the vendor cannot address (e.g. not a whole number where the vendor needs one). */
export function checkCampaignId(vendor: string, id: unknown, kind: "integer" | "string"): string {
  if (typeof id !== "string" || id.trim() === "")
    throw validationError(vendor, "id", "must be a non-empty string");
  if (kind === "integer" && !/^[1-9]\d{0,15}$/.test(id)) {
    throw validationError(vendor, "id", `${vendor} campaign ids are positive whole numbers`);
  }
  return id;
}

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
      if (index === 0 || !(error instanceof CampaignkitError)) throw error;
      const applied = steps.slice(0, index).map((s) => s.purpose);
      throw new CampaignkitError({
        code: error.code,
        vendor: error.vendor,
        httpStatus: error.httpStatus,
        vendorCode: error.vendorCode,
        field: error.field,
        retryable: error.retryable,
        details: { ...error.details, applied, failed: step.purpose },
        message: `${error.message} (already applied: ${applied.join("; ")})`,
        cause: error,
      });
    }
  }
  return results;
}
