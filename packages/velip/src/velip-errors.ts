import type { CampaignkitError, CampaignkitErrorCode, CredentialRefusal } from "@campaignkit/core";
import {
  type CredentialRefusalRule,
  codeForHttpStatus,
  vendorError,
} from "@campaignkit/core/internal";

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
    // "cp_id no valid"; in one version of the docs 212 is also an invalid `max_answered`, told
    // apart by the `status` text (see `STATUS_TEXT_CODES`).
    "212": "NOT_FOUND",
    // An invalid `max_answered`: 213 or 211, by version of the docs (update of 2026-12-01).
    "211": "VALIDATION",
    "213": "VALIDATION",
    /** "campaign loading failed, cannot activate": the campaign can never run again. */
    "234": "CONFLICT",
    /** "Group not found": `group` is not an active group of the customer. */
    "250": "NOT_FOUND",
    ...AUTH_CODES,
  },
  getCampaignsList: {
    "500": "VENDOR",
    ...AUTH_CODES,
  },
};

/**
 * Codes whose meaning depends on the `status` text, per operation: the text that keeps the
 * code's meaning in `VELIP_ERROR_CODES`, and what any other text means. ChangeCampaign's 212 is
 * "cp_id no valid" or, in one version of the docs, an invalid `max_answered` (the docs say the
 * `status` text tells them apart, without giving the second text).
 */
const STATUS_TEXT_CODES: Record<
  string,
  Record<string, { text: string; otherwise: CampaignkitErrorCode; field: string }>
> = {
  changeCampaign: {
    "212": { text: "cp_id no valid", otherwise: "VALIDATION", field: "max_answered" },
  },
};

/** ChangeCampaign's "Parameters without change": the campaign already has every value sent. */
export const VELIP_NO_CHANGE = "230";

/** The campaign input each documented code is about. */
const FIELDS: Record<string, Record<string, string>> = {
  changeCampaign: { "200": "id", "211": "max_answered", "213": "max_answered", "250": "group" },
};

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

const SUPPORT =
  "only Velip's admin team removes a permanent blacklist entry: contact Velip's support to lift it";

/**
 * What each code of Velip's 1xx (authentication) table means for the caller, from Velip's
 * `authentication.md`/`errors.md` (vendor notes, update of 2026-12-01). Velip documents no
 * duration for the 131 and 132 locks.
 */
const REFUSAL_MEANINGS: Readonly<Record<string, string>> = {
  "100": "Velip could not authenticate the token",
  "101": "Velip does not accept this token (it takes only 10- and 30-character tokens)",
  "102":
    "Velip found no token for this SID; 15 of these in 10 minutes put the caller's IP on Velip's permanent blacklist (code 199)",
  "110": "the Velip account of this token is inactive",
  "114": "this token was made for Velip's MCP server or OAuth connector, and REST refuses it",
  "130": "Velip received no user or password",
  "131":
    "Velip locked access from this IP after too many failed authentications (20 in 10 minutes); it does not document for how long, and 100 failures in an hour ban the IP permanently",
  "132":
    "Velip locked this user after too many failed attempts (5 in 10 minutes); it does not document for how long",
  "140": "Velip refused the user or password",
  "142": "the Velip account has an IP allowlist that does not include this IP",
  "198": "Velip has blocked the tokens of this account",
  "199": `Velip has put the caller's IP on its permanent blacklist (after 15 "SID not found" errors in 10 minutes, 50 user/password failures or 100 failed authentications in an hour); ${SUPPORT}`,
};

/** `123` "permission denied": the token was accepted, it lacks a permission. */
const NOT_ABOUT_THE_CREDENTIAL = new Set(["123"]);

/**
 * Velip's credential-refusal rule, the same on every operation (Velip's 1xx codes are its
 * authentication table, whatever the endpoint): every code in 100–199 but `123` (permission
 * denied) refuses the credential, whatever the HTTP status; so does an HTTP 401 without such a
 * code, since Velip's 401 covers a bad token, the IP allowlist and the brute-force lockouts
 * alike. Every failed authentication counts towards Velip's lockouts (131, 132, 199), so none
 * is worth repeating.
 */
export const velipCredentialRefusal: CredentialRefusalRule = ({ httpStatus, body }) => {
  const vendorCode = velipStatusCode(body);
  if (vendorCode !== undefined && NOT_ABOUT_THE_CREDENTIAL.has(vendorCode)) return undefined;
  if (vendorCode !== undefined && /^1\d\d$/.test(vendorCode)) {
    return {
      vendorCode,
      meaning: REFUSAL_MEANINGS[vendorCode] ?? `Velip refused the credential (code ${vendorCode})`,
    };
  }
  if (httpStatus !== 401) return undefined;
  const refusal: CredentialRefusal = { meaning: "Velip refused the credential (HTTP 401)" };
  return vendorCode === undefined ? refusal : { ...refusal, vendorCode };
};

/**
 * Velip's answer as an error, or undefined for a success: `status_code` `"0"`, an HTTP 2xx
 * without a code, or ChangeCampaign's 230 (a no-op). A code other than `"0"` is an error even
 * with HTTP 200. Documented codes map per operation; auth codes (100–199) are `AUTH` and never
 * retryable, since repeated failures lock the account (131) or ban the IP (199); those that
 * refuse the credential (`velipCredentialRefusal`) say so (`details.credentialRefused`) and what
 * they mean. Other codes fall back on the HTTP status.
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

  const envelopeStatus = envelopeOf(body)?.status;
  const byText = vendorCode ? STATUS_TEXT_CODES[operationId]?.[vendorCode] : undefined;
  const otherText =
    byText !== undefined &&
    (typeof envelopeStatus === "string" ? envelopeStatus.trim() : "") !== byText.text;
  const documented = otherText
    ? byText?.otherwise
    : vendorCode
      ? VELIP_ERROR_CODES[operationId]?.[vendorCode]
      : undefined;
  const authRange = vendorCode !== undefined && /^1\d\d$/.test(vendorCode);
  const code = documented ?? (authRange ? "AUTH" : codeForHttpStatus(httpStatus));
  const envelope = envelopeOf(body) ?? {};
  const credentialRefusal = velipCredentialRefusal({ operationId, httpStatus, body });
  const retryable =
    code === "AUTH" ? false : RETRYABLE[operationId]?.has(vendorCode ?? "") ? true : undefined;
  return vendorError(code, {
    vendor: "velip",
    operationId,
    httpStatus,
    vendorCode,
    vendorMessage: typeof envelope.status === "string" ? envelope.status : undefined,
    field: otherText ? byText?.field : vendorCode ? FIELDS[operationId]?.[vendorCode] : undefined,
    details: envelope.cd_id === undefined ? {} : { cdId: envelope.cd_id },
    ...(retryable === undefined ? {} : { retryable }),
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
