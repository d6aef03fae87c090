import type { CampaignkitError, CampaignkitErrorCode } from "@campaignkit/core";
import {
  type CredentialRefusalRule,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core/internal";

const AUTH = { 401: "AUTH", 403: "AUTH" } as const;

/**
 * The error answers specs/asisso.openapi.yaml declares, per operation, and what they mean in
 * campaignkit. Asisso has no error codes of its own: the HTTP status is the code. 401/403 are
 * documented (`{"detail":"Invalid or expired API key"}`); 402 and 422 are inferred from Dograh.
 */
export const ASISSO_ERROR_CODES: Record<string, Readonly<Record<number, CampaignkitErrorCode>>> = {
  listCampaigns: AUTH,
  getCampaign: { ...AUTH, 404: "NOT_FOUND" },
  updateCampaign: { ...AUTH, 400: "VALIDATION", 404: "NOT_FOUND", 422: "VALIDATION" },
  startCampaign: { ...AUTH, 402: "QUOTA", 404: "NOT_FOUND" },
  pauseCampaign: { ...AUTH, 404: "NOT_FOUND" },
  resumeCampaign: { ...AUTH, 402: "QUOTA", 404: "NOT_FOUND" },
};

/**
 * The 401 that is not an authentication failure (vendor notes, from Dograh): start/resume of an
 * organisation without telephony answer `{"detail":"You must configure telephony first by going
 * to …"}`. The key is valid; the account needs setting up.
 */
const TELEPHONY_NOT_CONFIGURED = /^you must configure telephony first\b/i;

/** Dograh's 400 for an update of a `completed` or `failed` campaign (vendor notes, inferred). */
const CANNOT_UPDATE = /^cannot update a \w+ campaign$/i;

const detailOf = (body: unknown): unknown =>
  body !== null && typeof body === "object" ? (body as Record<string, unknown>).detail : undefined;

/**
 * Asisso's credential-refusal rule. A 401 refuses the key (an invalid, expired or archived key:
 * "an archived key gets 401 on every later request"; details `Invalid or expired API key`,
 * `API key has no associated user`, `API key owner not found`), except the 401 about telephony
 * set-up, documented on start/resume and recognised by its `detail` on any operation. A 403 means
 * "valid credentials without the permission" (Asisso's auth page): not a refusal of the key.
 */
export const asissoCredentialRefusal: CredentialRefusalRule = ({ httpStatus, body }) => {
  if (httpStatus !== 401) return undefined;
  const detail = detailOf(body);
  if (typeof detail === "string" && TELEPHONY_NOT_CONFIGURED.test(detail.trim())) return undefined;
  return { meaning: "Asisso does not accept this API key (invalid, expired or archived)" };
};

interface ValidationProblem {
  field?: string;
  msg?: string;
  type?: string;
}

/** A FastAPI `loc` (`["body", "schedule_config", "slots", 0, "start_time"]`) as a dotted field. */
function fieldOf(loc: unknown): string | undefined {
  if (!Array.isArray(loc)) return undefined;
  const path = loc[0] === "body" ? loc.slice(1) : loc;
  return path.length > 0 ? path.map(String).join(".") : undefined;
}

function problemsOf(detail: unknown[]): ValidationProblem[] {
  return detail.map((item) => {
    const record = (item ?? {}) as Record<string, unknown>;
    return {
      field: fieldOf(record.loc),
      ...(typeof record.msg === "string" ? { msg: record.msg } : {}),
      ...(typeof record.type === "string" ? { type: record.type } : {}),
    };
  });
}

/**
 * Asisso answers errors FastAPI-style: `{"detail": "…"}`, or on 422 `{"detail": [{loc, msg,
 * type}]}`. The message is kept; a validation error names the field of its first problem.
 * The refusal to update a running campaign has no documented status: it falls back on the
 * HTTP status (409 CONFLICT, 400 VALIDATION), keeping Asisso's `detail`.
 */
export function decodeAsissoError(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  if (httpStatus >= 200 && httpStatus < 300) return undefined;
  const detail = detailOf(body);
  const text = typeof detail === "string" ? detail.trim() : "";
  const code: CampaignkitErrorCode =
    // The 401 of an organisation without telephony is no auth failure: its set-up is missing.
    TELEPHONY_NOT_CONFIGURED.test(text)
      ? "CONFLICT"
      : // Dograh refuses an update of a completed or failed campaign with 400 (inferred).
        CANNOT_UPDATE.test(text)
        ? "CONFLICT"
        : (ASISSO_ERROR_CODES[operationId]?.[httpStatus] ?? codeForHttpStatus(httpStatus));
  const credentialRefusal = asissoCredentialRefusal({ operationId, httpStatus, body });
  if (Array.isArray(detail)) {
    const problems = problemsOf(detail);
    const [first] = problems;
    const message = problems
      .map((p) => [p.field, p.msg].filter(Boolean).join(": "))
      .filter(Boolean)
      .join("; ");
    return vendorError(code, {
      vendor: "asisso",
      operationId,
      httpStatus,
      vendorCode: first?.type,
      vendorMessage: message || undefined,
      field: first?.field,
      details: { problems },
    });
  }
  return vendorError(code, {
    vendor: "asisso",
    operationId,
    httpStatus,
    vendorMessage: typeof detail === "string" && detail !== "" ? detail : undefined,
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
