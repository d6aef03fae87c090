import type { CampaignkitError, CampaignkitErrorCode } from "@campaignkit/core";
import {
  type CredentialRefusalRule,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core/internal";

/** Altur's documented error codes and what they mean in campaignkit. */
export const ALTUR_ERROR_CODES: Record<string, CampaignkitErrorCode> = {
  IMMUTABLE_FIELD: "IMMUTABLE_FIELD",
  CAMPAIGN_FINISHED: "CONFLICT",
  INVALID_STATUS_TRANSITION: "CONFLICT",
  CYCLES_NOT_ENABLED: "CONFLICT",
  SCHEDULED_MODE_ONLY: "CONFLICT",
  UNKNOWN_ACTION: "VALIDATION",
  BILLING_LIMIT_REACHED: "QUOTA",
};

/**
 * Altur does not document which key carries the error code, so the code is looked for in any
 * string value of the body; the `field`, `current_status` and `valid_targets` keys are kept.
 */
function findDocumentedCode(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  return Object.values(body).find(
    (value): value is string => typeof value === "string" && value in ALTUR_ERROR_CODES,
  );
}

/**
 * Altur's credential-refusal rule, the same on every operation: an HTTP 401 refuses the API key
 * (Altur documents `Authorization: api-key KEY` and no auth error code). A 403 is left to mean a
 * permission, not worth latching the key for.
 */
export const alturCredentialRefusal: CredentialRefusalRule = ({ httpStatus }) =>
  httpStatus === 401 ? { meaning: "Altur does not accept this API key (HTTP 401)" } : undefined;

/**
 * The `CampaignkitError` for a failed Altur answer: the documented code found in the body, else the
 * HTTP status; `undefined` for a 2xx answer.
 */
export function decodeAlturError(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  if (httpStatus >= 200 && httpStatus < 300) return undefined;
  const vendorCode = findDocumentedCode(body);
  const record = (body ?? {}) as Record<string, unknown>;
  const code =
    (vendorCode ? ALTUR_ERROR_CODES[vendorCode] : undefined) ?? codeForHttpStatus(httpStatus);
  const details: Record<string, unknown> = {};
  if (record.current_status !== undefined) details.currentStatus = record.current_status;
  if (record.valid_targets !== undefined) details.validTargets = record.valid_targets;
  const credentialRefusal = alturCredentialRefusal({ operationId, httpStatus, body });
  return vendorError(code, {
    vendor: "altur",
    operationId,
    httpStatus,
    vendorCode,
    vendorMessage: typeof record.message === "string" ? record.message : undefined,
    field: typeof record.field === "string" ? record.field : undefined,
    details,
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
