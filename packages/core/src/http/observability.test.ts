import { afterEach, describe, expect, it, vi } from "vitest";
import { CampaignkitError, isCampaignkitError } from "../errors.js";
import { type ErrorDecoder, sendStep } from "../provider/request-step.js";
import { createVendorClient, type VendorDescriptor } from "./create-vendor-client.js";
import type { ErrorEvent, Logger, RequestEvent, ResponseEvent } from "./observability.js";

const KEY = "k-secret-4242";

const vendor: VendorDescriptor = {
  vendor: "testvendor",
  defaultBaseURL: "https://api.example.test/v1",
  credential: { in: "header", name: "Authorization", prefix: "Bearer " },
  userAgent: "campaignkit-testvendor/1.0.0",
};

/** A logger that keeps every line, as the text and data it was given. */
function memoryLogger() {
  const lines: Array<{ level: string; message: string; data: unknown }> = [];
  const at =
    (level: string) =>
    (message: string, data?: unknown): void => {
      lines.push({ level, message, data });
    };
  const logger: Logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
  };
  return { lines, logger };
}

/** Answers each request with the next of `answers` (a Response, or an Error to throw). */
function scriptedFetch(answers: Array<Response | Error>) {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request);
    const answer = answers.shift() ?? Response.json({ id: 1 });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, fetch };
}

const decodeError: ErrorDecoder = (operationId, status) =>
  status >= 400
    ? new CampaignkitError({
        code: status === 404 ? "NOT_FOUND" : "VENDOR",
        vendor: "testvendor",
        httpStatus: status,
        message: `testvendor: ${operationId} failed (HTTP ${status})`,
      })
    : undefined;

const getThing = {
  operationId: "getThing",
  method: "GET" as const,
  path: "/things/{id}",
  params: { path: { id: 7 } },
  idempotent: true,
  purpose: "read the thing",
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("logger", () => {
  it("logs nothing by default", async () => {
    const { lines, logger } = memoryLogger();
    const { fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, { apiKey: KEY, fetch, logger });
    await sendStep(client, "testvendor", getThing, decodeError);
    expect(lines).toEqual([]);
  });

  it("info: one line per answer (vendor, status, method, URL, time, request id), no credential", async () => {
    const { lines, logger } = memoryLogger();
    const { fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, { apiKey: KEY, fetch, logger, logLevel: "info" });
    await sendStep(client, "testvendor", getThing, decodeError, { requestId: "ck-test-1" });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("info");
    expect(lines[0]?.message).toMatch(
      /^campaignkit testvendor ← 200 GET https:\/\/api\.example\.test\/v1\/things\/7 in \d+ ms \(request ck-test-1\)$/,
    );
    expect(JSON.stringify(lines)).not.toContain(KEY);
  });

  it("debug: each request too, its credential header redacted; warn: only answers of 400 and over", async () => {
    const debug = memoryLogger();
    const { fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, {
      apiKey: KEY,
      fetch,
      logger: debug.logger,
      logLevel: "debug",
    });
    await sendStep(client, "testvendor", getThing, decodeError);
    expect(debug.lines.map((line) => line.level)).toEqual(["debug", "info"]);
    expect(debug.lines[0]?.message).toMatch(
      /testvendor → GET https:\/\/.*\/things\/7 \(request ck-/,
    );
    expect(
      (debug.lines[0]?.data as { headers?: Record<string, string> } | undefined)?.headers
        ?.authorization,
    ).toBe("REDACTED");
    expect(JSON.stringify(debug.lines)).not.toContain(KEY);

    const warn = memoryLogger();
    const failing = scriptedFetch([Response.json({ id: 7 }), new Response("{}", { status: 404 })]);
    const quiet = createVendorClient(vendor, {
      apiKey: KEY,
      fetch: failing.fetch,
      logger: warn.logger,
      logLevel: "warn",
    });
    await sendStep(quiet, "testvendor", getThing, decodeError);
    await expect(sendStep(quiet, "testvendor", getThing, decodeError)).rejects.toThrow();
    expect(warn.lines.map((line) => line.level)).toEqual(["warn", "error"]);
    expect(warn.lines[1]?.message).toContain("NOT_FOUND");
  });

  it("CAMPAIGNKIT_LOG switches it on where the runtime has an environment; logLevel wins", async () => {
    vi.stubEnv("CAMPAIGNKIT_LOG", "INFO");
    const { lines, logger } = memoryLogger();
    const { fetch } = scriptedFetch([Response.json({ id: 7 }), Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, { apiKey: KEY, fetch, logger });
    await sendStep(client, "testvendor", getThing, decodeError);
    expect(lines).toHaveLength(1);
    const off = createVendorClient(vendor, { apiKey: KEY, fetch, logger, logLevel: "off" });
    await sendStep(off, "testvendor", getThing, decodeError);
    expect(lines).toHaveLength(1);
  });

  it("a logger that throws does not break the call", async () => {
    const logger: Logger = {
      debug: () => {
        throw new Error("disk full");
      },
      info: () => {
        throw new Error("disk full");
      },
      warn: () => undefined,
      error: () => undefined,
    };
    const { fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, { apiKey: KEY, fetch, logger, logLevel: "debug" });
    await expect(sendStep(client, "testvendor", getThing, decodeError)).resolves.toEqual({ id: 7 });
  });
});

describe("hooks", () => {
  it("onRequest and onResponse per attempt (operation id, vendor, attempt, duration)", async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const { fetch } = scriptedFetch([
      new Response("", { status: 503, headers: { "retry-after-ms": "0" } }),
      Response.json({ id: 7 }),
    ]);
    const client = createVendorClient(vendor, {
      apiKey: KEY,
      fetch,
      hooks: {
        onRequest: (event) => void requests.push(event),
        onResponse: (event) => void responses.push(event),
      },
    });
    await sendStep(client, "testvendor", getThing, decodeError, { requestId: "ck-hooks" });
    expect(requests.map((event) => [event.attempt, event.operationId, event.vendor])).toEqual([
      [1, "getThing", "testvendor"],
      [2, "getThing", "testvendor"],
    ]);
    expect(responses.map((event) => [event.attempt, event.status, event.requestId])).toEqual([
      [1, 503, "ck-hooks"],
      [2, 200, "ck-hooks"],
    ]);
    for (const event of responses) expect(event.durationMs).toBeGreaterThanOrEqual(0);
    expect(responses[0]?.vendorRequestId).toBeUndefined();
  });

  it("onError once per failed call, with the error (its requestId the event's)", async () => {
    const errors: ErrorEvent[] = [];
    const { fetch } = scriptedFetch([new Response("{}", { status: 404 })]);
    const client = createVendorClient(vendor, {
      apiKey: KEY,
      fetch,
      hooks: { onError: (event) => void errors.push(event) },
    });
    const failure = await sendStep(client, "testvendor", getThing, decodeError).catch(
      (error: unknown) => error,
    );
    expect(isCampaignkitError(failure) && failure.code).toBe("NOT_FOUND");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error).toBe(failure);
    expect(errors[0]).toMatchObject({ operationId: "getThing", attempt: 1, vendor: "testvendor" });
    expect((failure as CampaignkitError).requestId).toBe(errors[0]?.requestId);
    expect((failure as CampaignkitError).requestId).toMatch(/^ck-[0-9a-f-]{36}$/);
  });

  it("a network failure: onError after the last attempt, the error carries the request id", async () => {
    const errors: ErrorEvent[] = [];
    const { fetch } = scriptedFetch([new TypeError("fetch failed")]);
    const client = createVendorClient(vendor, {
      apiKey: KEY,
      fetch,
      maxRetries: 0,
      hooks: { onError: (event) => void errors.push(event) },
    });
    const failure = (await sendStep(client, "testvendor", getThing, decodeError, {
      requestId: "ck-net",
    }).catch((error: unknown) => error)) as CampaignkitError;
    expect(failure.code).toBe("NETWORK");
    expect(failure.requestId).toBe("ck-net");
    expect(errors.map((event) => [event.error.code, event.attempt])).toEqual([["NETWORK", 1]]);
  });

  it("a hook that throws or rejects never breaks a call", async () => {
    const { fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, {
      apiKey: KEY,
      fetch,
      hooks: {
        onRequest: () => {
          throw new Error("tracer down");
        },
        onResponse: () => Promise.reject(new Error("metrics down")),
      },
    });
    await expect(sendStep(client, "testvendor", getThing, decodeError)).resolves.toEqual({ id: 7 });
  });
});

describe("request ids", () => {
  it("are never sent to the vendor", async () => {
    const { sent, fetch } = scriptedFetch([Response.json({ id: 7 })]);
    const client = createVendorClient(vendor, { apiKey: KEY, fetch });
    await sendStep(client, "testvendor", getThing, decodeError, { requestId: "ck-local" });
    const headers = [...(sent[0]?.headers.entries() ?? [])].flat().join(" ");
    expect(headers).not.toContain("ck-local");
    expect(sent[0]?.url).not.toContain("ck-local");
  });

  it("the vendor's own, from the header its descriptor documents, reaches hooks and errors", async () => {
    const responses: ResponseEvent[] = [];
    const { fetch } = scriptedFetch([
      new Response("{}", { status: 404, headers: { "x-vendor-trace": "v-99" } }),
    ]);
    const client = createVendorClient(
      { ...vendor, requestIdHeader: "x-vendor-trace" },
      { apiKey: KEY, fetch, hooks: { onResponse: (event) => void responses.push(event) } },
    );
    const failure = (await sendStep(client, "testvendor", getThing, decodeError).catch(
      (error: unknown) => error,
    )) as CampaignkitError;
    expect(failure.vendorRequestId).toBe("v-99");
    expect(responses[0]?.vendorRequestId).toBe("v-99");
  });
});

describe("settings", () => {
  it("are validated like the others (VALIDATION naming the setting)", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ logLevel: "loud" }, "logLevel"],
      [{ logger: "console" }, "logger"],
      [{ logger: { debug() {}, info() {}, warn() {} } }, "logger.error"],
      [{ hooks: { onFoo: () => {} } }, "hooks.onFoo"],
      [{ hooks: { onError: 1 } }, "hooks.onError"],
      [{ hooks: [] }, "hooks"],
    ];
    for (const [settings, field] of cases) {
      let thrown: unknown;
      try {
        createVendorClient(vendor, { apiKey: KEY, ...(settings as object) });
      } catch (error) {
        thrown = error;
      }
      expect(isCampaignkitError(thrown) && [thrown.code, thrown.field], field).toEqual([
        "VALIDATION",
        field,
      ]);
    }
  });
});
