import { afterEach, describe, expect, it } from "vitest";
import { CampaignkitError, ConnectionError, RequestTimeoutError } from "../errors.js";
import { settledAtDeadline } from "../test-support/fake-deadline.js";
import { createVendorClient, type VendorDescriptor } from "./create-vendor-client.js";
import { resetCredentialGuard } from "./credential-guard.js";

interface Paths {
  "/c": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: number } } };
      };
    };
  };
}

const vendor: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "X-Key" },
  userAgent: "campaignkit-acme/0.0.0",
};
const KEY = "ck-canary-guard-0001";
// Some answers here are 401s, which latch the key (credential-guard.ts): every test starts afresh.
afterEach(() => {
  resetCredentialGuard("acme", KEY);
});
const get = (respond: () => Response | Promise<Response>, settings: object = {}) =>
  createVendorClient<Paths>(vendor, {
    apiKey: KEY,
    fetch: async () => respond(),
    maxRetries: 0,
    ...settings,
  }).GET("/c");

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as CampaignkitError,
  );

describe("hostile and broken answers", () => {
  it("refuses an HTML page that comes with 200", async () => {
    const error = await rejection(
      get(
        () =>
          new Response("<html>maintenance</html>", { headers: { "content-type": "text/html" } }),
      ),
    );
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it("refuses JSON sent as text/plain with 200, but keeps an HTML error page as the error body", async () => {
    expect(
      await rejection(
        get(() => new Response('{"id":1}', { headers: { "content-type": "text/plain" } })),
      ),
    ).toMatchObject({
      code: "INVALID_RESPONSE",
    });
    const { error, response } = await get(
      () =>
        new Response("<h1>Bad gateway</h1>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    );
    expect(response.status).toBe(502);
    expect(error).toBe("<h1>Bad gateway</h1>");
  });

  it("reports truncated JSON as a SyntaxError that providers turn into INVALID_RESPONSE", async () => {
    expect(
      await rejection(
        get(() => new Response('{"id":', { headers: { "content-type": "application/json" } })),
      ),
    ).toBeInstanceOf(SyntaxError);
  });

  it("gives an empty 200 body back as no data", async () => {
    const { data, response } = await get(
      () => new Response("", { headers: { "content-type": "application/json" } }),
    );
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
  });

  it("caps the body, declared or streamed", async () => {
    const declared = await rejection(
      get(
        () =>
          new Response("{}", {
            headers: { "content-type": "application/json", "content-length": "99999999" },
          }),
      ),
    );
    expect(declared).toMatchObject({
      code: "INVALID_RESPONSE",
      message: expect.stringContaining("cap"),
    });
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024)}",`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 10_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await rejection(
      get(() => new Response(stream, { headers: { "content-type": "application/json" } }), {
        maxResponseBytes: 1024 * 1024,
      }),
    );
    expect(streamed).toMatchObject({ code: "INVALID_RESPONSE" });
    expect(sent).toBeLessThan(100);
  });

  it("cuts an echoed credential out of the answer", async () => {
    const { error } = await get(() =>
      Response.json({ message: `bad key ${KEY}` }, { status: 401 }),
    );
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error).toEqual({ message: "bad key REDACTED" });
  });

  it("cuts out an echoed credential the vendor JSON-escaped", async () => {
    const escaped = [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const { error } = await get(
      () =>
        new Response(`{"message":"bad key ${escaped.join("")}"}`, {
          status: 401,
          headers: { "content-type": "application/json" },
        }),
    );
    expect(error).toEqual({ message: "bad key REDACTED" });
  });

  it("ends a body that never finishes with TIMEOUT", async () => {
    const never = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode("{")),
    });
    const error = await settledAtDeadline(
      () =>
        createVendorClient<Paths>(vendor, {
          apiKey: KEY,
          maxRetries: 0,
          timeout: 50,
          fetch: async (request) => {
            request.signal.addEventListener("abort", () => never.cancel().catch(() => undefined));
            return new Response(never, { headers: { "content-type": "application/json" } });
          },
        }).GET("/c"),
      50,
    );
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });
});

describe("error families", () => {
  it.each([
    ["AUTH", "AuthenticationError"],
    ["NOT_FOUND", "NotFoundError"],
    ["CONFLICT", "ConflictError"],
    ["IMMUTABLE_FIELD", "ConflictError"],
    ["RATE_LIMITED", "RateLimitError"],
    ["TIMEOUT", "RequestTimeoutError"],
    ["NETWORK", "ConnectionError"],
    ["VALIDATION", "InvalidInputError"],
  ] as const)("a %s error is a %s and still a CampaignkitError", (code, name) => {
    const error = new CampaignkitError({ code, vendor: "acme", message: "m" });
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
  });

  it("keeps VENDOR errors as plain CampaignkitError", () => {
    const error = new CampaignkitError({ code: "VENDOR", vendor: "acme", message: "m" });
    expect(error.constructor).toBe(CampaignkitError);
    expect(error).not.toBeInstanceOf(ConnectionError);
  });
});
