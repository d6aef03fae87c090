/** Stable error codes: callers switch on these, never on messages. */
export const CAMPAIGNKIT_ERROR_CODES = [
  "VALIDATION",
  "UNSUPPORTED",
  "NOT_FOUND",
  "CONFLICT",
  "IMMUTABLE_FIELD",
  "AUTH",
  "RATE_LIMITED",
  "QUOTA",
  "VENDOR",
  "NETWORK",
  "TIMEOUT",
  "INVALID_RESPONSE",
  /** The caller's own `signal` aborted the call. */
  "ABORTED",
] as const;

/** One of `CAMPAIGNKIT_ERROR_CODES`: what kind of failure a `CampaignkitError` is. */
export type CampaignkitErrorCode = (typeof CAMPAIGNKIT_ERROR_CODES)[number];

/**
 * What a `CampaignkitError` is built from: its code, message and vendor, and what is known about
 * the failure.
 */
export interface CampaignkitErrorInit {
  code: CampaignkitErrorCode;
  message: string;
  /** The vendor the failing call was made for (`"altur"`, …). */
  vendor: string;
  httpStatus?: number;
  /** The vendor's own error code, kept as received (`"IMMUTABLE_FIELD"`, `"212"`, `6026`). */
  vendorCode?: string | number;
  /** The input field the error is about, as the caller named it (`"baseURL"`, `"pacing.callsPerMinute"`). */
  field?: string;
  /** Whether repeating the same call may succeed. Defaults by code. */
  retryable?: boolean;
  /** Structured context: every field problem, the requests already applied, the vendor's message. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
  /** The id of the call that failed (see `CampaignkitError.requestId`). */
  requestId?: string;
  /** The vendor's own request id, from its answer (see `CampaignkitError.vendorRequestId`). */
  vendorRequestId?: string;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<CampaignkitErrorCode> = new Set([
  "RATE_LIMITED",
  "NETWORK",
  "TIMEOUT",
]);

/**
 * The one error type campaignkit throws. Messages never contain credentials: they are built
 * from field names, rules and vendor codes only.
 */
export class CampaignkitError extends Error {
  override readonly name: string = "CampaignkitError";
  readonly code: CampaignkitErrorCode;
  readonly vendor: string;
  readonly httpStatus: number | undefined;
  readonly vendorCode: string | number | undefined;
  readonly field: string | undefined;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /**
   * The id of the call that failed: every request the shared HTTP layer sends gets one
   * (`ck-<uuid>`), given to hooks and log lines too. It stays local: no vendor documents a
   * request header for it. `undefined` for an error raised before any request (a bad setting).
   */
  readonly requestId: string | undefined;
  /**
   * The vendor's own request id, when the vendor documents a response header for one and the
   * answer carried it (no vendor's spec documents one today).
   */
  readonly vendorRequestId: string | undefined;

  constructor(init: CampaignkitErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.vendor = init.vendor;
    this.httpStatus = init.httpStatus;
    this.vendorCode = init.vendorCode;
    this.field = init.field;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.code);
    this.details = init.details;
    this.requestId = init.requestId;
    this.vendorRequestId = init.vendorRequestId;
    // `new CampaignkitError({ code: "AUTH" })` is an AuthenticationError, wherever it is built.
    const family = new.target === CampaignkitError ? FAMILIES[init.code] : undefined;
    // biome-ignore lint/correctness/noConstructorReturn: returning the family instance is the point
    if (family) return new family(init);
  }
}

/** The credential was refused (`AUTH`). */
export class AuthenticationError extends CampaignkitError {
  override readonly name: string = "AuthenticationError";
}
/** The campaign does not exist for this credential (`NOT_FOUND`). */
export class NotFoundError extends CampaignkitError {
  override readonly name: string = "NotFoundError";
}
/** The campaign's state forbids the change (`CONFLICT`, `IMMUTABLE_FIELD`). */
export class ConflictError extends CampaignkitError {
  override readonly name: string = "ConflictError";
}
/** Too many requests, or a vendor quota reached (`RATE_LIMITED`, `QUOTA`). */
export class RateLimitError extends CampaignkitError {
  override readonly name: string = "RateLimitError";
}
/** No answer within the deadline (`TIMEOUT`). */
export class RequestTimeoutError extends CampaignkitError {
  override readonly name: string = "RequestTimeoutError";
}
/** The vendor could not be reached (`NETWORK`). */
export class ConnectionError extends CampaignkitError {
  override readonly name: string = "ConnectionError";
}
/** The input broke a rule before anything was sent (`VALIDATION`, `UNSUPPORTED`). */
export class InvalidInputError extends CampaignkitError {
  override readonly name: string = "InvalidInputError";
}

const FAMILIES: Partial<
  Record<CampaignkitErrorCode, new (init: CampaignkitErrorInit) => CampaignkitError>
> = {
  AUTH: AuthenticationError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  IMMUTABLE_FIELD: ConflictError,
  RATE_LIMITED: RateLimitError,
  QUOTA: RateLimitError,
  TIMEOUT: RequestTimeoutError,
  NETWORK: ConnectionError,
  VALIDATION: InvalidInputError,
  UNSUPPORTED: InvalidInputError,
};

/** Whether `value` is a `CampaignkitError` (of any subclass). */
export function isCampaignkitError(value: unknown): value is CampaignkitError {
  return value instanceof CampaignkitError;
}

/**
 * Whether an error says the vendor refused the credential itself (a bad, revoked or locked key,
 * or a banned caller), as opposed to an `AUTH` answer about a permission or the account's setup.
 * Such an error carries `details.credentialRefused: true`; the credential guard latches on it and
 * `campaignkit apply` sends no further line of that vendor.
 */
export function isCredentialRefusal(error: unknown): error is CampaignkitError {
  return (
    error instanceof CampaignkitError &&
    error.code === "AUTH" &&
    error.details?.credentialRefused === true
  );
}

/** Shorthand for the most common error: bad input, caught before any request is sent. */
export function validationError(vendor: string, field: string, rule: string): CampaignkitError {
  return new CampaignkitError({
    code: "VALIDATION",
    vendor,
    field,
    message: `${vendor}: invalid ${field}: ${rule}`,
  });
}
