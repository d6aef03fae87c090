import {
  type CampaignkitError,
  type CampaignkitErrorCode,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core";

/** Convoso's numeric error codes, per operation (codes differ per endpoint across its APIs). */
export const CONVOSO_ERROR_CODES: Record<string, Record<string, CampaignkitErrorCode>> = {
  // 6026 "Invalid campaign ID" is documented for the search too, though it takes no id.
  searchCampaigns: { "6026": "NOT_FOUND" },
  setCampaignStatus: { "6026": "NOT_FOUND", "6080": "VALIDATION" },
};

/** The documented error texts (no `code`), per operation: the "Error Handling" table. */
export const CONVOSO_ERROR_MESSAGES: Record<string, Record<string, CampaignkitErrorCode>> = {
  searchCampaigns: {
    "Invalid authentication token": "AUTH",
    "Insufficient permissions": "AUTH",
  },
  setCampaignStatus: {
    "Invalid authentication token": "AUTH",
    "Insufficient permissions": "AUTH",
    "Campaign not found": "NOT_FOUND",
    "Status must be true or false": "VALIDATION",
  },
};

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * Convoso's answers are errors when they are not 2xx, and also when a 2xx body says
 * `"success": false` (its business errors arrive as HTTP 200). The numeric `code` decides first,
 * then the documented text of `error` (or `message`), then the HTTP status.
 */
export function decodeConvosoError(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  const record =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const ok = httpStatus >= 200 && httpStatus < 300;
  if (ok && record.success !== false) return undefined;
  const vendorCode =
    typeof record.code === "number" || typeof record.code === "string" ? record.code : undefined;
  const vendorMessage = text(record.error) ?? text(record.message);
  const code =
    (vendorCode === undefined
      ? undefined
      : CONVOSO_ERROR_CODES[operationId]?.[String(vendorCode)]) ??
    (vendorMessage === undefined
      ? undefined
      : CONVOSO_ERROR_MESSAGES[operationId]?.[vendorMessage]) ??
    codeForHttpStatus(httpStatus);
  return vendorError(code, {
    vendor: "convoso",
    operationId,
    httpStatus,
    vendorCode,
    vendorMessage,
  });
}
