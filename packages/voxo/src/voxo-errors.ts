import type { CampaignkitError, CampaignkitErrorCode } from "@campaignkit/core";
import {
  type CredentialRefusalRule,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core/internal";

/**
 * VOXO's documented error codes: none. Its docs give no error status, no error body and no
 * error code for any operation, so errors are decoded by HTTP status alone.
 */
export const VOXO_ERROR_CODES: Readonly<Record<string, CampaignkitErrorCode>> = Object.freeze({});

/** The longest vendor message kept (an HTML error page from a proxy is not a message). */
const MAX_MESSAGE_LENGTH = 500;

function clip(message: string): string | undefined {
  const trimmed = message.trim();
  if (trimmed === "") return undefined;
  return trimmed.length > MAX_MESSAGE_LENGTH ? `${trimmed.slice(0, MAX_MESSAGE_LENGTH)}…` : trimmed;
}

/** Whatever message the body carries: the body itself when it is text, else `message` or `error`. */
function messageOf(body: unknown): string | undefined {
  if (typeof body === "string") return clip(body);
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ["message", "error"]) {
    const value = record[key];
    if (typeof value === "string" && clip(value) !== undefined) return clip(value);
  }
  return undefined;
}

/**
 * VOXO's credential-refusal rule, the same on every operation: an HTTP 401 refuses the token
 * (VOXO documents Bearer auth and no error codes). A 403 is left to mean a permission: VOXO
 * documents none, and a permission is not worth latching the token for.
 */
export const voxoCredentialRefusal: CredentialRefusalRule = ({ httpStatus }) =>
  httpStatus === 401 ? { meaning: "VOXO does not accept this token (HTTP 401)" } : undefined;

/**
 * Any non-2xx answer of any operation, by HTTP status (`codeForHttpStatus`), keeping the
 * vendor's message. VOXO documents no business errors, so a 2xx answer is never an error here;
 * a 2xx body that is not a campaign fails later as `INVALID_RESPONSE`.
 */
export function decodeVoxoError(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  if (httpStatus >= 200 && httpStatus < 300) return undefined;
  const credentialRefusal = voxoCredentialRefusal({ operationId, httpStatus, body });
  return vendorError(codeForHttpStatus(httpStatus), {
    vendor: "voxo",
    operationId,
    httpStatus,
    vendorMessage: messageOf(body),
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
