import { CampaignkitError } from "../errors.js";
import { type ItemsPath, splitJsonItems } from "./json-items.js";
import { redactSecrets, secretsPattern } from "./redact-secrets.js";

/** Default cap on a response body: campaign answers are kilobytes; 10 MiB is already hostile. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface ResponseGuard {
  vendor: string;
  maxBytes: number;
  /** Secrets to cut out of every answer, in any encoding, should a vendor echo them back. */
  secrets: readonly string[];
}

/** Deeper than any vendor answer by far, and shallow enough that `JSON.stringify` of it never overflows. */
export const MAX_JSON_DEPTH = 256;

/**
 * Marks an answer that arrived (with `status`) but could not be read whole: for a write, the
 * vendor has it, so the provider reports it as applied (`details.applied`).
 */
function unread(
  code: "INVALID_RESPONSE" | "NETWORK",
  vendor: string,
  status: number,
  problem: string,
  cause?: unknown,
) {
  return new CampaignkitError({
    code,
    vendor,
    httpStatus: status,
    message: `${vendor}: unusable response: ${problem}`,
    details: { answerUnread: true },
    cause,
  });
}

function invalid(vendor: string, problem: string) {
  return new CampaignkitError({
    code: "INVALID_RESPONSE",
    vendor,
    message: `${vendor}: unusable response: ${problem}`,
  });
}

/** One read that ends (cancelling the stream) when `signal` aborts, whatever the fetch does. */
function readOrAbort(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal | undefined,
) {
  if (!signal) return reader.read();
  return new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      reader.cancel(signal.reason).catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    reader.read().then(
      (result) => {
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Reads the body chunk by chunk, handing each decoded piece to `consume`, counting the bytes as
 * the fetch hands them over, i.e. after any `Content-Encoding` is undone: a small gzip body that
 * inflates past the cap is cut off while streaming. Every read ends when `signal` aborts, even
 * if the fetch ignores it.
 */
async function readCapped(
  response: Response,
  guard: ResponseGuard,
  signal: AbortSignal | undefined,
  consume: (piece: string) => void,
): Promise<void> {
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!encoded && Number.isFinite(declared) && declared > guard.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw unread(
      "INVALID_RESPONSE",
      guard.vendor,
      response.status,
      `the body declares ${declared} bytes, over the ${guard.maxBytes}-byte cap`,
    );
  }
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await readOrAbort(reader, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw unread(
        "NETWORK",
        guard.vendor,
        response.status,
        "the connection failed while the body was read",
        error,
      );
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > guard.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw unread(
        "INVALID_RESPONSE",
        guard.vendor,
        response.status,
        `the body is over the ${guard.maxBytes}-byte cap${encoded ? " once decompressed" : ""}`,
      );
    }
    try {
      consume(decoder.decode(chunk.value, { stream: true }));
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
  }
  consume(decoder.decode());
}

/** Reads the whole body as text (see `readCapped`). */
async function readText(response: Response, guard: ResponseGuard, signal?: AbortSignal) {
  const pieces: string[] = [];
  await readCapped(response, guard, signal, (piece) => pieces.push(piece));
  return pieces.join("");
}

/** How deeply the JSON text nests arrays and objects, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/** Whether any string or key of a parsed JSON value matches the pattern (walked without recursion). */
function holdsMatch(value: unknown, pattern: RegExp): boolean {
  const matches = (text: string) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (matches(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === "object" && item !== null) {
      for (const [key, element] of Object.entries(item)) {
        if (matches(key)) return true;
        pending.push(element);
      }
    }
  }
  return false;
}

/** An answer's body, read once: `value` is the parsed JSON when `json`, else the text. */
export interface GuardedBody {
  text: string;
  json: boolean;
  value: unknown;
}

/**
 * The body with every secret cut out of its decoded JSON values too (an escaped echo decodes to
 * the plain key), parsed once. The text is already scrubbed, so where the decoded values hold
 * no secret the text is kept as it is: a large listing is not copied and serialized again.
 */
function scrubbedBody(text: string, secrets: readonly string[]): GuardedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text, json: false, value: text };
  }
  const pattern = secretsPattern(secrets);
  // Decoding changes only `\` escape sequences: without one, the values are pieces of the text.
  if (!pattern || !text.includes("\\") || !holdsMatch(value, pattern))
    return { text, json: true, value };
  const redacted = redactSecrets(value, secrets);
  return { text: JSON.stringify(redacted), json: true, value: redacted };
}

const guardedBodies = new WeakMap<Response, GuardedBody>();

/**
 * The body of an answer `guardResponse` returned, as it read and parsed it, so that neither the
 * credential guard nor the provider reads and parses a large answer a second time; `undefined`
 * for a response that did not come from `guardResponse`.
 */
export function guardedBodyOf(response: Response): GuardedBody | undefined {
  return guardedBodies.get(response);
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
}

/** Parses one scrubbed element of a listing, with any secret its decoded strings hold cut out. */
function listedItem(text: string, secrets: readonly string[]): unknown {
  const body = scrubbedBody(redactSecrets(text, secrets), secrets);
  if (!body.json) throw new SyntaxError("an element of the listed array is not JSON");
  return body.value;
}

/**
 * How a listing's answer is read element by element: where its items are, and what receives
 * each parsed item as it arrives (the answer's value then holds the empty array).
 */
export interface ListingRead {
  itemsAt: ItemsPath;
  onItem: (item: unknown) => void;
}

/**
 * A listing cut off after some of its items were handed over must not be read again from the
 * start (they would arrive twice): the error is final, and says how far the listing got.
 */
function cutOff(vendor: string, handedOver: number, error: CampaignkitError) {
  const { answerUnread: _, ...details } = error.details ?? {};
  return new CampaignkitError({
    code: error.code,
    vendor,
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    retryable: false,
    details: { ...details, itemsHandedOver: handedOver },
    message: `${error.message} (after ${handedOver} listed items were handed over)`,
    cause: error,
  });
}

/**
 * Reads a vendor answer within a size cap, with any echoed secret cut out (of the text, of the
 * decoded JSON values and of the headers). A success answer with a body that is not JSON (an
 * HTML error page, text) is `INVALID_RESPONSE`, as is JSON nested deeper than `MAX_JSON_DEPTH`;
 * an error answer keeps its body as text, for the vendor's decoder and the HTTP status to judge.
 *
 * With `listing`, a JSON success answer is read element by element (`splitJsonItems`): each
 * element is scrubbed, parsed and handed to `listing.onItem` as it arrives, and the answer is
 * never held as one text; its value is the rest of the answer, the array left empty.
 */
export async function guardResponse(
  response: Response,
  guard: ResponseGuard,
  signal?: AbortSignal,
  listing?: ListingRead,
): Promise<Response> {
  const contentType = response.headers.get("content-type");
  const splitter =
    listing && response.ok && isJsonType(contentType)
      ? splitJsonItems(listing.itemsAt, MAX_JSON_DEPTH, (text) =>
          listing.onItem(listedItem(text, guard.secrets)),
        )
      : undefined;
  let text: string;
  try {
    if (splitter) {
      await readCapped(response, guard, signal, (piece) => splitter.write(piece));
      text = splitter.end();
    } else text = await readText(response, guard, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    let failure: CampaignkitError;
    if (error instanceof CampaignkitError) failure = error;
    else if (splitter && (error instanceof SyntaxError || error instanceof RangeError))
      failure = invalid(guard.vendor, error.message);
    else
      failure = unread(
        "NETWORK",
        guard.vendor,
        response.status,
        "the body could not be read",
        error,
      );
    throw splitter && splitter.items > 0 && failure.details?.answerUnread
      ? cutOff(guard.vendor, splitter.items, failure)
      : failure;
  }
  text = redactSecrets(text, guard.secrets);
  if (response.ok && text.trim() !== "" && !isJsonType(contentType)) {
    throw invalid(
      guard.vendor,
      `a ${response.status} answer is ${contentType ?? "untyped"}, not JSON`,
    );
  }
  // Any body: the client parses an error body as JSON whatever its type says.
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw invalid(guard.vendor, `the body nests ${depth} levels deep, over ${MAX_JSON_DEPTH}`);
  }
  const body = text === "" ? { text, json: false, value: text } : scrubbedBody(text, guard.secrets);
  text = body.text;
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    headers.append(name, redactSecrets(value, guard.secrets));
  });
  headers.delete("content-length");
  headers.delete("content-encoding");
  const nullBody = response.status === 204 || response.status === 304 || text === "";
  if (nullBody) headers.set("content-length", "0");
  const guarded = new Response(nullBody ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  guardedBodies.set(guarded, body);
  return guarded;
}
