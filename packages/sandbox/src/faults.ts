import type { ServerResponse } from "node:http";
import type { Fault } from "./sandbox-types.js";
import type { Json } from "./spec/load-spec.js";

const MALFORMED = new Set([
  "empty",
  "html",
  "truncated-json",
  "wrong-content-type",
  "huge",
  "wrong-types",
]);

const isWhole = (value: unknown, min: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= min;

/** Refuses a fault that cannot be applied, before it is queued. */
export function checkFault(fault: Fault): void {
  if (fault.times !== undefined && !isWhole(fault.times, 1))
    throw new RangeError("fault.times must be a whole number, 1 or more");
  switch (fault.kind) {
    case "latency":
      if (!isWhole(fault.ms, 0))
        throw new RangeError("latency fault: ms must be a whole number ≥ 0");
      return;
    case "status":
      if (!isWhole(fault.status, 100) || fault.status > 599)
        throw new RangeError("status fault: status must be an HTTP status, 100–599");
      if (fault.retryAfterSeconds !== undefined && !isWhole(fault.retryAfterSeconds, 0))
        throw new RangeError("status fault: retryAfterSeconds must be a whole number ≥ 0");
      return;
    case "reset":
      return;
    case "malformed":
      if (!MALFORMED.has(fault.body))
        throw new RangeError(`malformed fault: unknown body ${JSON.stringify(fault.body)}`);
      return;
    default:
      throw new RangeError(`unknown fault kind ${JSON.stringify((fault as Fault).kind)}`);
  }
}

/** Faults queued for one vendor, each used for the next `times` requests, in order. */
export class FaultQueue {
  #queue: { fault: Fault; left: number }[] = [];

  push(faults: readonly Fault[]): void {
    for (const fault of faults) checkFault(fault);
    for (const fault of faults) this.#queue.push({ fault, left: fault.times ?? 1 });
  }

  /** The fault for the request that just arrived, if any. */
  next(): Fault | undefined {
    const head = this.#queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left === 0) this.#queue.shift();
    return head.fault;
  }

  clear(): void {
    this.#queue = [];
  }
}

/** An HTML error page, as a proxy in front of the vendor would send it. */
export const HTML_ERROR_PAGE =
  "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>" +
  "<body><h1>502 Bad Gateway</h1><p>The upstream server answered with an invalid response.</p>" +
  "<hr><address>campaignkit sandbox (injected fault)</address></body></html>\n";

const isIdKey = (key: string) => /(^|_)id$|Id$/.test(key.trim());

/** Envelope keys that say whether an answer succeeded: kept, so the campaigns get decoded. */
const ENVELOPE_KEYS = new Set(["return", "success", "status_code", "code", "error", "pagination"]);

/**
 * The same answer with its field types swapped: ids become objects, strings become numbers,
 * numbers and booleans become strings. The shape (keys, arrays) and the success envelope
 * (`return`, `success`, …) are kept, so a client gets as far as reading the campaigns.
 */
export function swapTypes(value: Json, key = ""): Json {
  if (ENVELOPE_KEYS.has(key)) return value;
  if (Array.isArray(value)) return value.map((item) => swapTypes(item, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swapTypes(v, k)]));
  }
  if (value === null) return null;
  if (isIdKey(key)) return { value };
  if (typeof value === "string") return value.length;
  if (typeof value === "number") return String(value);
  return String(value);
}

export const HUGE_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Streams a ~20 MB JSON document that parses (an object with a long array of strings) but is
 * no vendor's answer, honouring backpressure; stops when the client goes away.
 */
export function streamHugeBody(response: ServerResponse, bytes = HUGE_BODY_BYTES): void {
  const item = `"${"x".repeat(1022)}"`;
  const chunk = `${Array.from({ length: 64 }, () => item).join(",")},`;
  const chunks = Math.ceil(bytes / chunk.length);
  let sent = 0;
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"sandbox_fault":"huge","padding":[');
  const pump = () => {
    while (sent < chunks && !response.destroyed) {
      sent += 1;
      if (!response.write(chunk)) {
        response.once("drain", pump);
        return;
      }
    }
    if (!response.destroyed) response.end(`${item}]}`);
  };
  pump();
}
