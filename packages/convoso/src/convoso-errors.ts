import type { CampaignkitError, CampaignkitErrorCode } from "@campaignkit/core";
import {
  type CredentialRefusalRule,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core/internal";

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

const recordOf = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};

/** The documented text of a refused token (seed 003, "Error Handling"), sent with HTTP 200. */
const INVALID_TOKEN = "Invalid authentication token";

/**
 * Convoso's credential-refusal rule, the same on both operations: HTTP 401 (missing or invalid
 * token), HTTP 403 (the token is not valid for the office: tokens are scoped, and every call
 * campaignkit makes goes to the same office, so none can succeed with it: the fix is another
 * token) and the documented `{"success": false, "error": "Invalid authentication token"}` refuse
 * the token. `"Insufficient permissions"` is about a permission: not a refusal.
 */
export const convosoCredentialRefusal: CredentialRefusalRule = ({ httpStatus, body }) => {
  if (httpStatus === 401) return { meaning: "Convoso does not accept this token (HTTP 401)" };
  if (httpStatus === 403) {
    return { meaning: "Convoso says this token is not valid for the office (HTTP 403)" };
  }
  const record = recordOf(body);
  if (record.success === false && (text(record.error) ?? text(record.message)) === INVALID_TOKEN) {
    return { meaning: "Convoso does not accept this token (Invalid authentication token)" };
  }
  return undefined;
};

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
  const record = recordOf(body);
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
  const credentialRefusal = convosoCredentialRefusal({ operationId, httpStatus, body });
  return vendorError(code, {
    vendor: "convoso",
    operationId,
    httpStatus,
    vendorCode,
    vendorMessage,
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
