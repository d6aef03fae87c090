import {
  type CampaignkitError,
  type CampaignkitErrorCode,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core";

const AUTH_CODES: Record<string, CampaignkitErrorCode> = {
  /** Locked after 20 failed authentications in 10 minutes. */
  "131": "AUTH",
  /** IP banned after 100 failed authentications in an hour. */
  "199": "AUTH",
};

/**
 * Velip's documented `status_code`s, per operation of specs/velip.openapi.yaml (the same code
 * means different things on different endpoints), and what they mean in campaignkit.
 * ChangeCampaign's 230 is not here: it is a success (see `isVelipNoChange`).
 */
export const VELIP_ERROR_CODES: Record<string, Record<string, CampaignkitErrorCode>> = {
  changeCampaign: {
    "200": "VALIDATION",
    "210": "VALIDATION",
    "212": "NOT_FOUND",
    ...AUTH_CODES,
  },
  getCampaignsList: {
    "500": "VENDOR",
    ...AUTH_CODES,
  },
};

/** ChangeCampaign's "Parameters without change": the campaign already has every value sent. */
export const VELIP_NO_CHANGE = "230";

/** The campaign input each documented code is about. */
const FIELDS: Record<string, Record<string, string>> = { changeCampaign: { "200": "id" } };

/** Codes worth repeating as they are: GetCampaignsList's "internal error". */
const RETRYABLE: Record<string, ReadonlySet<string>> = { getCampaignsList: new Set(["500"]) };

function envelopeOf(body: unknown): Record<string, unknown> | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const envelope = (body as Record<string, unknown>).return;
  return envelope !== null && typeof envelope === "object"
    ? (envelope as Record<string, unknown>)
    : undefined;
}

/** `return.status_code` as a string (`"0"` is success), or undefined when there is none. */
export function velipStatusCode(body: unknown): string | undefined {
  const code = envelopeOf(body)?.status_code;
  return typeof code === "string" || typeof code === "number" ? String(code).trim() : undefined;
}

/**
 * Whether a ChangeCampaign answer is code 230 "Parameters without change": the update matched
 * no row because every value sent equals the current one. The campaign is already as asked, so
 * campaignkit treats it as a success (whatever the HTTP status, 400 in Velip's docs).
 */
export function isVelipNoChange(operationId: string, body: unknown): boolean {
  return operationId === "changeCampaign" && velipStatusCode(body) === VELIP_NO_CHANGE;
}

/**
 * Velip's answer as an error, or undefined for a success: `status_code` `"0"`, an HTTP 2xx
 * without a code, or ChangeCampaign's 230 (a no-op). A code other than `"0"` is an error even
 * with HTTP 200. Documented codes map per operation; auth codes (100–199) are `AUTH` and never
 * retryable, since repeated failures lock the account (131) or ban the IP (199); other codes fall
 * back on the HTTP status.
 */
export function decodeVelipError(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  const vendorCode = velipStatusCode(body);
  const ok = httpStatus >= 200 && httpStatus < 300;
  if (vendorCode === "0" && ok) return undefined;
  if (vendorCode === undefined && ok) return undefined;
  if (isVelipNoChange(operationId, body)) return undefined;

  const documented = vendorCode ? VELIP_ERROR_CODES[operationId]?.[vendorCode] : undefined;
  const authRange = vendorCode !== undefined && /^1\d\d$/.test(vendorCode);
  const code = documented ?? (authRange ? "AUTH" : codeForHttpStatus(httpStatus));
  const envelope = envelopeOf(body) ?? {};
  const retryable =
    code === "AUTH" ? false : RETRYABLE[operationId]?.has(vendorCode ?? "") ? true : undefined;
  return vendorError(code, {
    vendor: "velip",
    operationId,
    httpStatus,
    vendorCode,
    vendorMessage: typeof envelope.status === "string" ? envelope.status : undefined,
    field: vendorCode ? FIELDS[operationId]?.[vendorCode] : undefined,
    details: envelope.cd_id === undefined ? {} : { cdId: envelope.cd_id },
    ...(retryable === undefined ? {} : { retryable }),
  });
}
