import { CampaignkitError } from "../errors.js";
import { redactSecrets } from "./redact-secrets.js";

/** Default cap on a response body: campaign answers are kilobytes; 10 MiB is already hostile. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface ResponseGuard {
  vendor: string;
  maxBytes: number;
  /** Secrets to cut out of every answer, in any encoding, should a vendor echo them back. */
  secrets: readonly string[];
}

function invalid(vendor: string, problem: string, cause?: unknown) {
  return new CampaignkitError({
    code: "INVALID_RESPONSE",
    vendor,
    message: `${vendor}: unusable response: ${problem}`,
    cause,
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

async function readCapped(
  response: Response,
  guard: ResponseGuard,
  signal?: AbortSignal,
): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > guard.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw invalid(
      guard.vendor,
      `the body declares ${declared} bytes, over the ${guard.maxBytes}-byte cap`,
    );
  }
  if (!response.body) return "";
  // A declared length within the cap: the runtime's own reader is the fastest.
  if (Number.isFinite(declared) && response.headers.has("content-length")) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await readOrAbort(reader, signal);
    if (done) break;
    received += value.byteLength;
    if (received > guard.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw invalid(guard.vendor, `the body is over the ${guard.maxBytes}-byte cap`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
}

/**
 * Reads a vendor answer whole, within a size cap, with any echoed secret cut out. A success
 * answer with a body that is not JSON (an HTML error page, text) is `INVALID_RESPONSE`; an
 * error answer keeps its body as text, for the vendor's decoder and the HTTP status to judge.
 */
export async function guardResponse(
  response: Response,
  guard: ResponseGuard,
  signal?: AbortSignal,
): Promise<Response> {
  let text: string;
  try {
    text = await readCapped(response, guard, signal);
  } catch (error) {
    if (error instanceof CampaignkitError || signal?.aborted) throw error;
    throw invalid(guard.vendor, "the body could not be read", error);
  }
  text = redactSecrets(text, guard.secrets);
  const contentType = response.headers.get("content-type");
  if (response.ok && text.trim() !== "" && !isJsonType(contentType)) {
    throw invalid(
      guard.vendor,
      `a ${response.status} answer is ${contentType ?? "untyped"}, not JSON`,
    );
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const nullBody = response.status === 204 || response.status === 304 || text === "";
  if (nullBody) headers.set("content-length", "0");
  return new Response(nullBody ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
