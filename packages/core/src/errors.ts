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

export type CampaignkitErrorCode = (typeof CAMPAIGNKIT_ERROR_CODES)[number];

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
  override readonly name = "CampaignkitError";
  readonly code: CampaignkitErrorCode;
  readonly vendor: string;
  readonly httpStatus: number | undefined;
  readonly vendorCode: string | number | undefined;
  readonly field: string | undefined;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(init: CampaignkitErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.vendor = init.vendor;
    this.httpStatus = init.httpStatus;
    this.vendorCode = init.vendorCode;
    this.field = init.field;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.code);
    this.details = init.details;
  }
}

export function isCampaignkitError(value: unknown): value is CampaignkitError {
  return value instanceof CampaignkitError;
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
