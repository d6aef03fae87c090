import type { Client } from "openapi-fetch";
import { CampaignkitError } from "../errors.js";
import { guardedBodyOf } from "../http/guarded-response.js";
import type { ItemsPath } from "../http/json-items.js";
import { callOf, newRequestId, withRequestIds } from "../http/observability.js";
import type { RequestPolicy } from "../http/resilient-fetch.js";
import type { Campaign } from "../model/campaign.js";
import type { CallOptions } from "./provider.js";

/** One request of a provider operation, described as data so it can be sent or planned. */
export interface RequestStep {
  /** The spec's operationId, used to decode this operation's documented errors. */
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The path template, as in the spec: `/campaigns/{id}`. */
  path: string;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  /** Safe to send twice (absolute values, documented no-ops): only then is it retried. */
  idempotent: boolean;
  /** Why the operation sends it, shown in plans: "pause the campaign". */
  purpose: string;
  /**
   * `resume`: the step that sets a campaign running, which a vendor may have to send another
   * way depending on the campaign's state (`VendorSteps.resumeInstead`, `resumeFrom`).
   */
  role?: "resume";
  /** Where the answer lists its items (a listing), so it is read element by element. */
  itemsAt?: ItemsPath;
}

/**
 * Decodes a vendor answer into an error: returns a `CampaignkitError` for every documented error
 * (also those that arrive with HTTP 200) and for any other non-2xx answer, and `undefined` for
 * success (including a documented "nothing changed" answer, whatever its HTTP status).
 */
export type ErrorDecoder = (
  operationId: string,
  httpStatus: number,
  body: unknown,
) => CampaignkitError | undefined;

/**
 * A vendor's client with its paths erased. Steps are checked against the generated paths where
 * they are built (`TypedStep`); sending them needs no second check.
 */
// biome-ignore lint/suspicious/noExplicitAny: the paths were checked when the step was built
export type AnyVendorClient = Client<any>;

const METHODS = { GET: "get", POST: "post", PATCH: "patch", PUT: "put", DELETE: "delete" } as const;

/** Calls the client for one step: the same path, params and body whether sent or planned. */
export function requestOf(
  client: AnyVendorClient,
  step: RequestStep,
  init: {
    signal?: AbortSignal;
    parseAs?: "stream";
    campaignkit?: RequestPolicy;
    /** For planning: takes the built request instead of the client's transport. */
    fetch?: (request: Request) => Promise<Response>;
  } = {},
) {
  return client.request(METHODS[step.method], step.path, {
    params: step.params ?? {},
    ...(step.body === undefined ? {} : { body: step.body }),
    ...init,
  });
}

function asCampaignkitError(vendor: string, error: unknown): CampaignkitError {
  if (error instanceof CampaignkitError) return error;
  if (error instanceof SyntaxError) {
    return new CampaignkitError({
      code: "INVALID_RESPONSE",
      vendor,
      message: `${vendor}: the response body is not valid JSON`,
      cause: error,
    });
  }
  return new CampaignkitError({
    code: "NETWORK",
    vendor,
    message: `${vendor}: the request failed (${(error as Error)?.message ?? String(error)})`,
    cause: error,
  });
}

/** A step that changes nothing: a GET, or a read sent as POST (Convoso's search, Velip's list): the specs name every read `get…`, `list…` or `search…`. */
function isRead(step: RequestStep): boolean {
  return step.method === "GET" || /^(get|list|search)[A-Z]/.test(step.operationId);
}

/**
 * A write whose answer came with a 2xx status but could not be read (over the size cap, cut off)
 * reached the vendor: the error says it was applied (`details.applied` holds its purpose), so a
 * caller does not report an applied change as rejected, nor blindly send it again.
 */
function appliedIfAnswered(step: RequestStep, error: CampaignkitError): CampaignkitError {
  const status = error.httpStatus ?? 0;
  if (isRead(step) || error.details?.answerUnread !== true || status < 200 || status > 299)
    return error;
  return new CampaignkitError({
    code: error.code,
    vendor: error.vendor,
    httpStatus: error.httpStatus,
    retryable: false,
    details: { ...error.details, applied: [step.purpose] },
    message: `${error.message}; the vendor answered HTTP ${status}, so the write (${step.purpose}) is taken as applied`,
    cause: error,
  });
}

/** A success answer's body, as the client would parse it (`undefined` for none); a body that is not JSON throws `SyntaxError`. */
async function successBody(response: Response): Promise<unknown> {
  const guarded = guardedBodyOf(response);
  if (guarded?.json) return guarded.value;
  const text = guarded ? guarded.text : await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

/**
 * Sends one step through the typed client and returns the success body, or throws a typed error.
 * For a step with `itemsAt`, `onItem` takes each listed item as it is read, and the body
 * returned holds none.
 */
export async function sendStep(
  client: AnyVendorClient,
  vendor: string,
  step: RequestStep,
  decodeError: ErrorDecoder,
  options: CallOptions = {},
  onItem?: (item: unknown) => void,
): Promise<unknown> {
  const requestId = options.requestId ?? newRequestId();
  const policy: RequestPolicy = {
    idempotent: step.idempotent,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    operationId: step.operationId,
    requestId,
    ...(step.itemsAt && onItem ? { itemsAt: step.itemsAt, onItem } : {}),
  };
  let result: Awaited<ReturnType<typeof requestOf>> | undefined;
  let body: unknown;
  try {
    result = await requestOf(client, step, {
      ...(options.signal ? { signal: options.signal } : {}),
      // The guard has parsed the answer already: the client is asked for the stream, not to parse again.
      parseAs: "stream",
      campaignkit: policy,
    });
    body = result.response.ok ? await successBody(result.response) : result.error;
  } catch (error) {
    const failed = asCampaignkitError(vendor, error);
    const call = result ? callOf(result.response) : undefined;
    // A body that is not JSON fails here, after the HTTP layer handed the answer over.
    if (call && failed !== error)
      call.fail(withRequestIds(failed, requestId, call.vendorRequestId));
    throw withRequestIds(
      appliedIfAnswered(step, failed),
      requestId,
      (error as { vendorRequestId?: string } | undefined)?.vendorRequestId ?? call?.vendorRequestId,
    );
  }
  const { response } = result;
  // The vendor's decoder is the authority: `undefined` is success, whatever the HTTP status
  // (Velip answers "nothing changed" with HTTP 400).
  const failure = decodeError(step.operationId, response.status, body);
  if (failure) {
    const call = callOf(response);
    withRequestIds(failure, requestId, call?.vendorRequestId);
    call?.fail(failure);
    throw failure;
  }
  return body;
}

/**
 * How a vendor's answers read, per spec operation: the campaigns a success body holds (`null`
 * for an operation whose answer holds none) and the errors. The provider uses it, and the
 * conformance suite runs every documented response example through it.
 */
export interface VendorResponses {
  /**
   * Per operationId: reads the campaigns out of a success body, or `null` when that answer holds
   * none.
   */
  campaignsFrom: Record<string, ((body: unknown) => Campaign[]) | null>;
  decodeError: ErrorDecoder;
  /** An answer that reports nothing changed (the campaign already had the values): success, holding no campaign. */
  isNoChange?: (operationId: string, httpStatus: number, body: unknown) => boolean;
}
