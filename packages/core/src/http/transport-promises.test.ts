import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CampaignkitError } from "../errors.js";
import { settledAtDeadline } from "../test-support/fake-deadline.js";
import { createVendorClient, type VendorDescriptor } from "./create-vendor-client.js";
import { MAX_JSON_DEPTH } from "./guarded-response.js";
import { limiterCount, limiterFor } from "./rate-limiter.js";

interface Paths {
  "/c": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": unknown } };
      };
    };
  };
}

const vendor: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "X-API-Key" },
  userAgent: "campaignkit-acme/0.0.0",
};
const KEY = "ck-canary-transport/a+b=";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A real server on 127.0.0.1; returns its base URL and the requests it saw. */
async function serve(handler: RequestListener) {
  const seen: { url: string; headers: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: { ...request.headers } });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as CampaignkitError,
  );

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a %i to another origin, naming the status and only the origin",
    async (status) => {
      const elsewhere = await serve((_, response) => response.end("{}"));
      const api = await serve((_, response) => {
        response.writeHead(status, { location: `${elsewhere.url}/steal?k=${KEY}` });
        response.end();
      });
      const error = await rejection(
        createVendorClient<Paths>(vendor, { apiKey: KEY, baseURL: api.url }).GET("/c"),
      );
      expect(error).toBeInstanceOf(CampaignkitError);
      expect(error).toMatchObject({
        code: "VENDOR",
        httpStatus: status,
        retryable: false,
        details: { redirect: { status, origin: elsewhere.url }, credentialSent: false },
      });
      expect(error?.message).toContain(elsewhere.url);
      expect(error?.message).not.toContain("/steal");
      expect(elsewhere.seen).toHaveLength(0);
    },
  );

  it("sends every request with redirect: manual, and refuses a fetch that followed anyway", async () => {
    const modes: string[] = [];
    const followed = Response.json({ id: 1 });
    Object.defineProperty(followed, "redirected", { value: true });
    Object.defineProperty(followed, "url", { value: "https://elsewhere.test/x?k=1" });
    const error = await rejection(
      createVendorClient<Paths>(vendor, {
        apiKey: KEY,
        fetch: async (request) => {
          modes.push(request.redirect);
          return followed;
        },
      }).GET("/c"),
    );
    expect(modes).toEqual(["manual"]);
    expect(error).toMatchObject({
      code: "VENDOR",
      details: { redirect: { origin: "https://elsewhere.test" }, credentialSent: true },
    });
    expect(error?.message).toContain("treat the credential as exposed");
  });

  it("sends redirect: manual even when a call of the typed client asks to follow", async () => {
    const modes: string[] = [];
    await createVendorClient<Paths>(vendor, {
      apiKey: KEY,
      fetch: async (request) => {
        modes.push(request.redirect);
        return Response.json({ id: 1 });
      },
    }).GET("/c", { redirect: "follow" });
    expect(modes).toEqual(["manual"]);
  });
});

describe("the response cap counts decoded bytes", () => {
  it("refuses a gzip body with an honest Content-Length that inflates past the cap", async () => {
    const bomb = gzipSync(Buffer.from(`{"pad":"${"x".repeat(8 * 1024 * 1024)}"}`));
    const api = await serve((_, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": bomb.byteLength,
      });
      response.end(bomb);
    });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const error = await rejection(
      createVendorClient<Paths>(vendor, {
        apiKey: KEY,
        baseURL: api.url,
        maxResponseBytes: 64 * 1024,
      }).GET("/c"),
    );
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
    expect(error?.message).toContain("once decompressed");
  });
});

describe("the deadline always wins", () => {
  it("ends a body read with a fetch that ignores the signal, Content-Length declared", async () => {
    const never = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode("{")),
    });
    const error = await settledAtDeadline(
      () =>
        createVendorClient<Paths>(vendor, {
          apiKey: KEY,
          timeout: 50,
          maxRetries: 0,
          fetch: async () =>
            new Response(never, {
              headers: { "content-type": "application/json", "content-length": "10" },
            }),
        }).GET("/c"),
      50,
    );
    expect(error).toMatchObject({ code: "TIMEOUT" });
  });
});

describe("a reset after the headers", () => {
  it("is retried for a request that is safe to repeat", async () => {
    let calls = 0;
    const api = await serve((_, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        response.write('{"id":');
        setImmediate(() => response.socket?.destroy());
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id":1}');
    });
    const { data } = await createVendorClient<Paths>(vendor, {
      apiKey: KEY,
      baseURL: api.url,
      maxRetries: 1,
    }).GET("/c");
    expect(data).toEqual({ id: 1 });
    expect(calls).toBe(2);
  });
});

describe("nesting", () => {
  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels, so raw always serialises`, async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const error = await rejection(
      createVendorClient<Paths>(vendor, {
        apiKey: KEY,
        fetch: async () => new Response(deep, { headers: { "content-type": "application/json" } }),
      }).GET("/c"),
    );
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
    const fine = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    const { data } = await createVendorClient<Paths>(vendor, {
      apiKey: KEY,
      fetch: async () => new Response(fine, { headers: { "content-type": "application/json" } }),
    }).GET("/c");
    expect(JSON.stringify(data)).toBe(fine);
  });
});

describe("echoed credentials in decoded values", () => {
  it("cuts out a key escaped twice over, and one echoed in a header", async () => {
    // PHP's JSON (`\/`) embedded as a string in another JSON answer.
    const twice = JSON.stringify(`{"echo":"${KEY.replaceAll("/", "\\/")}"}`);
    const { error, response } = await createVendorClient<Paths>(vendor, {
      apiKey: KEY,
      fetch: async () =>
        new Response(`{"message":${twice}}`, {
          status: 400,
          headers: { "content-type": "application/json", "x-echo": encodeURIComponent(KEY) },
        }),
    }).GET("/c");
    expect(JSON.stringify(error)).not.toContain("ck-canary");
    expect(JSON.parse((error as unknown as { message: string }).message)).toEqual({
      echo: "REDACTED",
    });
    expect(response.headers.get("x-echo")).toBe("REDACTED");
  });
});

describe("settings and per-call options", () => {
  const built = (settings: object) => () =>
    createVendorClient<Paths>(vendor, { apiKey: KEY, ...settings });
  it.each([
    [{ timeout: Number.NaN }, "timeout"],
    [{ timeout: -1 }, "timeout"],
    [{ timeout: 0 }, "timeout"],
    [{ timeout: Number.POSITIVE_INFINITY }, "timeout"],
    [{ timeout: 2 ** 31 }, "timeout"],
    [{ timeout: 1.5 }, "timeout"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 11 }, "maxRetries"],
    [{ maxResponseBytes: 0 }, "maxResponseBytes"],
    [{ maxResponseBytes: 2 ** 40 }, "maxResponseBytes"],
    [{ allowInsecureBaseURL: "false" }, "allowInsecureBaseURL"],
    [{ rateLimit: { requests: 0, perMilliseconds: 1000 } }, "rateLimit.requests"],
    [{ headers: { "x-a": 1 } }, "headers.x-a"],
    [{ fetch: "no" }, "fetch"],
    [{ baseURL: "https://api.acme.test/v1?" }, "baseURL"],
    [{ baseURL: "https://api.acme.test/v1#" }, "baseURL"],
    [{ baseURL: "https://api.acme.test/v1?x=1" }, "baseURL"],
    [{ baseURL: "https://@api.acme.test/v1" }, "baseURL"],
  ])("refuses %j with VALIDATION naming %s", (settings, field) => {
    expect(built(settings)).toThrow(expect.objectContaining({ code: "VALIDATION", field }));
  });

  it("accepts the bounds themselves", () => {
    expect(built({ timeout: 2 ** 31 - 1, maxRetries: 10, maxResponseBytes: 1 })).not.toThrow();
    expect(built({ timeout: 1, maxRetries: 0, allowInsecureBaseURL: false })).not.toThrow();
  });

  it.each([
    [{ timeout: 2 ** 31 }, "options.timeout"],
    [{ timeout: Number.NaN }, "options.timeout"],
    [{ maxRetries: 1.5 }, "options.maxRetries"],
  ])("refuses the per-call option %j, naming %s, before any request", async (policy, field) => {
    let sent = 0;
    const client = createVendorClient<Paths>(vendor, {
      apiKey: KEY,
      fetch: async () => {
        sent += 1;
        return Response.json({});
      },
    });
    const error = await rejection(client.GET("/c", { campaignkit: policy } as never));
    expect(error).toMatchObject({ code: "VALIDATION", field });
    expect(sent).toBe(0);
  });
});

describe("the limiter table", () => {
  it("forgets idle limiters instead of keeping one per key ever used", async () => {
    vi.useFakeTimers();
    try {
      const limit = { requests: 5, perMilliseconds: 1000 };
      for (let i = 0; i < 500; i++) {
        const release = await limiterFor("acme", `ck-canary-k${i}`, limit).acquire();
        release();
      }
      // Every one of them answered within the window: none is idle yet.
      expect(limiterCount()).toBeGreaterThanOrEqual(500);
      await vi.advanceTimersByTimeAsync(1000);
      limiterFor("acme", "ck-canary-last", limit);
      expect(limiterCount()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
