import { CampaignkitError, type CampaignkitErrorCode } from "../errors.js";
import type { CredentialRefusal } from "../http/credential-guard.js";

/**
 * What is known about a vendor's error answer, from which `vendorError` builds the
 * `CampaignkitError`.
 */
export interface VendorErrorFacts {
  vendor: string;
  operationId: string;
  httpStatus: number;
  vendorCode?: string | number;
  /** The vendor's own message, kept verbatim (never a credential: vendors do not echo them). */
  vendorMessage?: string;
  field?: string;
  details?: Record<string, unknown>;
  /** Overrides the default (rate limits and 5xx are retryable). */
  retryable?: boolean;
  /**
   * The vendor's credential-refusal rule found that this answer refuses the credential itself:
   * the error is `AUTH`, never retryable, carries `details.credentialRefused: true` (see
   * `isCredentialRefusal`) and says what the refusal means.
   */
  credentialRefusal?: CredentialRefusal;
}

/** The code an HTTP status means when the vendor documents nothing more specific. */
export function codeForHttpStatus(status: number): CampaignkitErrorCode {
  if (status === 401 || status === 403) return "AUTH";
  if (status === 402) return "QUOTA";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 422 || status === 400) return "VALIDATION";
  if (status === 429) return "RATE_LIMITED";
  return "VENDOR";
}

/** Builds the error for a vendor failure, keeping the vendor's code and message. */
export function vendorError(code: CampaignkitErrorCode, facts: VendorErrorFacts): CampaignkitError {
  const vendorPart = [facts.vendorCode, facts.vendorMessage]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  const refusal = facts.credentialRefusal;
  const message = `${facts.vendor}: ${facts.operationId} failed (HTTP ${facts.httpStatus}${vendorPart ? `, ${vendorPart}` : ""})`;
  return new CampaignkitError({
    code: refusal ? "AUTH" : code,
    vendor: facts.vendor,
    httpStatus: facts.httpStatus,
    vendorCode: facts.vendorCode,
    field: facts.field,
    retryable: refusal
      ? false
      : (facts.retryable ??
        (code === "RATE_LIMITED" || (code === "VENDOR" && facts.httpStatus >= 500))),
    details: {
      operationId: facts.operationId,
      vendorMessage: facts.vendorMessage,
      ...facts.details,
      ...(refusal ? { credentialRefused: true, meaning: refusal.meaning } : {}),
    },
    message: refusal ? `${message}: the credential was refused: ${refusal.meaning}` : message,
  });
}
