import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultQueue, HTML_ERROR_PAGE, streamHugeBody, swapTypes } from "./faults.js";
import { SlidingWindowLimiter } from "./rate-limit.js";
import { parseProblem } from "./request-problems.js";
import {
  type Fault,
  SANDBOX_API_KEYS,
  SANDBOX_VENDORS,
  type SandboxRequestRecord,
  type SandboxVendor,
} from "./sandbox-types.js";
import type { Answer, SimRequest, VendorSimulator } from "./simulator.js";
import type { JsonObject, LoadedSpec } from "./spec/load-spec.js";
import { HTTP_METHODS, type Operation } from "./spec/scenarios.js";
import {
  checkRequestAgainstSpec,
  matchOperation,
  type WireRequest,
} from "./spec/spec-request-check.js";
import type { SchemaValidator } from "./spec/validators.js";
import { authChecks, requestSchema } from "./spec/wire.js";

/** Everything the router keeps for one vendor; `simulator` is absent when it was not started. */
export interface VendorRoute {
  vendor: SandboxVendor;
  /** The credential this simulator accepts. */
  apiKey: string;
  simulator?: VendorSimulator;
  spec?: LoadedSpec;
  operations: readonly Operation[];
  faults: FaultQueue;
  log: SandboxRequestRecord[];
  limiter: SlidingWindowLimiter;
}

export interface RouterContext {
  routes: ReadonlyMap<SandboxVendor, VendorRoute>;
  validator: SchemaValidator;
  enforceRateLimits: boolean;
  /** Milliseconds, for the rate-limit and lockout windows (`SandboxOptions.clock`). */
  now(): number;
  /** Resolves after `ms`, or early when the sandbox closes. */
  sleep(ms: number): Promise<void>;
  isClosed(): boolean;
}

type MalformedBody = Extract<Fault, { kind: "malformed" }>["body"];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The request headers; a content type loses its parameters (`; charset=…`), as servers read it. */
function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const contentType = headers.get("content-type");
  if (contentType)
    headers.set("content-type", contentType.split(";")[0]?.trim().toLowerCase() ?? "");
  return headers;
}

function send(response: ServerResponse, answer: Answer, mode?: MalformedBody): void {
  const body =
    answer.body === undefined
      ? undefined
      : mode === "wrong-types"
        ? swapTypes(answer.body)
        : answer.body;
  let text = body === undefined ? "" : JSON.stringify(body);
  if (mode === "truncated-json") text = text.slice(0, Math.floor(text.length / 2));
  const headers: Record<string, string | number> = { ...answer.headers };
  if (body !== undefined)
    headers["content-type"] =
      mode === "wrong-content-type" ? "text/plain; charset=utf-8" : "application/json";
  headers["content-length"] = Buffer.byteLength(text);
  response.writeHead(answer.status, headers);
  response.end(text);
}

function sendText(response: ServerResponse, status: number, type: string, text: string) {
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Whether the request carries the sandbox key where the vendor documents it. */
function authenticated(
  route: VendorRoute,
  operation: Operation,
  wire: WireRequest,
  body: JsonObject | undefined,
) {
  const spec = route.spec as LoadedSpec;
  const content = Object.keys(
    ((operation.definition.requestBody as JsonObject | undefined)?.content ?? {}) as JsonObject,
  );
  const contentType = wire.headers.get("content-type") ?? "";
  const mediaType = content.includes(contentType) ? contentType : content[0];
  const schema = mediaType ? requestSchema(operation, mediaType) : undefined;
  const checks = authChecks(spec, operation, schema, route.apiKey);
  return checks.length === 0 || checks.some((check) => check.accepts(wire.headers, body));
}

/** Rate limit, route, auth, spec validation, then the simulator: the answer of a healthy vendor. */
function answerNormally(
  context: RouterContext,
  route: VendorRoute,
  simulator: VendorSimulator,
  wire: WireRequest,
  record: SandboxRequestRecord,
): Answer {
  const now = context.now();
  const { rateLimit } = simulator;
  if (context.enforceRateLimits && rateLimit) {
    // One window per credential, as sent (a request without one shares the empty key).
    if (!route.limiter.allow(wire.headers.get("authorization") ?? "", now)) {
      const answer = rateLimit.answer();
      return { ...answer, headers: { ...answer.headers, "retry-after": "1" } };
    }
  }
  const spec = route.spec as LoadedSpec;
  const pathname = wire.url.pathname;
  const found = matchOperation(spec, route.operations, wire.method, pathname);
  if (!found) {
    const allowed = HTTP_METHODS.map((m) => m.toUpperCase()).filter((m) =>
      matchOperation(spec, route.operations, m, pathname),
    );
    const answer = simulator.noRoute(allowed);
    return allowed.length > 0
      ? { ...answer, headers: { ...answer.headers, allow: allowed.join(", ") } }
      : answer;
  }
  const { operation } = found;
  record.operationId = operation.operationId;
  const credential = route.apiKey;
  const checked = checkRequestAgainstSpec(
    spec,
    route.operations,
    context.validator,
    credential,
    wire,
  );
  const denied = simulator.authenticate(authenticated(route, operation, wire, checked.body), now, {
    headers: wire.headers,
    body: checked.body,
    accepted: credential,
  });
  if (denied) return denied;
  const request: SimRequest = {
    operationId: operation.operationId,
    path: checked.path,
    query: checked.query,
    body: checked.body,
  };
  const problems = checked.problems.filter((problem) => !problem.startsWith("auth:"));
  if (problems.length > 0) return simulator.invalid(request, problems.map(parseProblem));
  return simulator.handle(request);
}

async function handle(
  context: RouterContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const [, prefix = "", ...rest] = url.pathname.split("/");
  const vendor = SANDBOX_VENDORS.find((name) => name === prefix);
  const route = vendor ? context.routes.get(vendor) : undefined;
  const body = await readBody(request);
  if (!route) {
    send(response, {
      status: 404,
      body: {
        error: "NO_SIMULATOR",
        message: `paths start with /<vendor>: ${SANDBOX_VENDORS.join(", ")}`,
      },
    });
    return;
  }
  const path = `/${rest.join("/")}`;
  const record: SandboxRequestRecord = { method: request.method ?? "GET", path, status: 0 };
  route.log.push(record);
  const { simulator } = route;
  if (!simulator) {
    record.status = 404;
    send(response, {
      status: 404,
      body: { error: "NOT_STARTED", message: `the ${route.vendor} simulator was not started` },
    });
    return;
  }

  const fault = route.faults.next();
  if (fault) record.fault = fault.kind;
  const wire: WireRequest = {
    method: record.method,
    url: new URL(`${path}${url.search}`, url.origin),
    headers: toHeaders(request),
    body,
  };
  const answer = (mode?: MalformedBody) => {
    const normal = answerNormally(context, route, simulator, wire, record);
    record.status = normal.status;
    send(response, normal, mode);
  };

  switch (fault?.kind) {
    case undefined:
      return answer();
    case "latency":
      await context.sleep(fault.ms);
      if (!context.isClosed()) answer();
      return;
    case "reset":
      record.status = 0;
      request.socket.destroy();
      return;
    case "status": {
      record.status = fault.status;
      const text = fault.body ?? JSON.stringify(simulator.faultBody(fault.status));
      let type = "application/json";
      try {
        JSON.parse(text);
      } catch {
        type = "text/plain; charset=utf-8";
      }
      const headers: Record<string, string | number> = {
        "content-type": type,
        "content-length": Buffer.byteLength(text),
      };
      if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = fault.retryAfterSeconds;
      response.writeHead(fault.status, headers);
      response.end(text);
      return;
    }
    case "malformed":
      record.status = 200;
      if (fault.body === "empty") {
        response.writeHead(200, { "content-type": "application/json", "content-length": 0 });
        response.end();
      } else if (fault.body === "html") {
        sendText(response, 200, "text/html; charset=utf-8", HTML_ERROR_PAGE);
      } else if (fault.body === "huge") {
        streamHugeBody(response);
      } else {
        answer(fault.body);
      }
      return;
  }
}

/** The node:http request listener of the sandbox. */
export function createRouter(context: RouterContext) {
  return (request: IncomingMessage, response: ServerResponse) => {
    handle(context, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      send(response, {
        status: 500,
        body: {
          error: "SANDBOX_ERROR",
          message: error instanceof Error ? error.message : String(error),
        },
      });
    });
  };
}

export function newVendorRoute(
  vendor: SandboxVendor,
  simulator?: VendorSimulator,
  spec?: LoadedSpec,
  operations: readonly Operation[] = [],
  apiKey: string = SANDBOX_API_KEYS[vendor],
): VendorRoute {
  return {
    vendor,
    apiKey,
    ...(simulator ? { simulator } : {}),
    ...(spec ? { spec } : {}),
    operations,
    faults: new FaultQueue(),
    log: [],
    limiter: new SlidingWindowLimiter(simulator?.rateLimit?.perSecond ?? Infinity, 1000),
  };
}
