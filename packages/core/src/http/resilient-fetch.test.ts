import { describe, expect, it } from "vitest";
import { CampaignkitError } from "../errors.js";
import { settledAtDeadline } from "../test-support/fake-deadline.js";
import {
  createVendorClient,
  type VendorClientSettings,
  type VendorDescriptor,
} from "./create-vendor-client.js";
import { backoffMs, retryAfterMs } from "./resilient-fetch.js";

interface Paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: number } } };
      };
    };
    post: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: number } } };
      };
    };
  };
}

const vendor: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "Authorization", prefix: "Bearer " },
  userAgent: "campaignkit-acme/0.0.0",
};
const NOW = { "retry-after-ms": "0" };

/** A fetch that answers with the given responses in turn, recording each attempt's body. */
function sequence(...answers: Array<() => Response | Promise<Response>>) {
  const attempts: { method: string; body: string }[] = [];
  const fetch = async (request: Request) => {
    attempts.push({ method: request.method, body: await request.text() });
    const next = answers[Math.min(attempts.length - 1, answers.length - 1)];
    return next ? next() : new Response(null, { status: 500 });
  };
  return { attempts, fetch };
}

const client = (
  fetch: VendorClientSettings["fetch"],
  settings: Partial<VendorClientSettings> = {},
) => createVendorClient<Paths>(vendor, { apiKey: "secret-key", fetch, ...settings });

describe("retries", () => {
  it("retries a GET on 503 and 429, then returns the success", async () => {
    const { attempts, fetch } = sequence(
      () => new Response(null, { status: 503, headers: NOW }),
      () => new Response(null, { status: 429, headers: NOW }),
      () => Response.json({ id: 1 }),
    );
    const { data } = await client(fetch).GET("/things/{id}", { params: { path: { id: 1 } } });
    expect(data).toEqual({ id: 1 });
    expect(attempts).toHaveLength(3);
  });

  it("gives up after maxRetries and returns the last answer", async () => {
    const { attempts, fetch } = sequence(() => new Response("busy", { status: 503, headers: NOW }));
    const { response } = await client(fetch, { maxRetries: 1 }).GET("/things/{id}", {
      params: { path: { id: 1 } },
    });
    expect(response.status).toBe(503);
    expect(attempts).toHaveLength(2);
  });

  it("never retries a POST unless the call marks it idempotent, and re-sends the same body when it does", async () => {
    const once = sequence(() => new Response(null, { status: 503, headers: NOW }));
    await client(once.fetch).POST("/things/{id}", {
      params: { path: { id: 1 } },
      body: { name: "a" },
    });
    expect(once.attempts).toHaveLength(1);

    const marked = sequence(
      () => new Response(null, { status: 502, headers: NOW }),
      () => Response.json({ id: 1 }),
    );
    await client(marked.fetch).POST("/things/{id}", {
      params: { path: { id: 1 } },
      body: { name: "a" },
      campaignkit: { idempotent: true },
    } as never);
    expect(marked.attempts.map((a) => a.body)).toEqual(['{"name":"a"}', '{"name":"a"}']);
  });

  it("does not retry a 4xx other than 408 and 429", async () => {
    const { attempts, fetch } = sequence(() => new Response(null, { status: 404 }));
    await client(fetch).GET("/things/{id}", { params: { path: { id: 1 } } });
    expect(attempts).toHaveLength(1);
  });

  it("retries a connection error, then reports NETWORK without the credential", async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      throw new TypeError("fetch failed");
    };
    const error = await client(fetch, { maxRetries: 1 })
      .GET("/things/{id}", { params: { path: { id: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "NETWORK", retryable: true });
    expect(String((error as Error).message)).not.toContain("secret-key");
    expect(calls).toBe(2);
  });
});

describe("deadlines", () => {
  const hang = (request: Request) =>
    new Promise<Response>((_, reject) =>
      request.signal.addEventListener("abort", () => reject(request.signal.reason)),
    );

  it("ends a call that gets no answer with TIMEOUT", async () => {
    const error = await settledAtDeadline(
      () => client(hang, { timeout: 30 }).GET("/things/{id}", { params: { path: { id: 1 } } }),
      30,
    );
    expect(error).toMatchObject({ code: "TIMEOUT", vendor: "acme" });
  });

  it("ends the call even when the fetch ignores abort signals", async () => {
    const deaf = () => new Promise<Response>(() => undefined);
    const error = await settledAtDeadline(
      () => client(deaf, { timeout: 30 }).GET("/things/{id}", { params: { path: { id: 1 } } }),
      30,
    );
    expect(error).toMatchObject({ code: "TIMEOUT" });
  });

  it("takes a per-call timeout over the client's", async () => {
    const error = await settledAtDeadline(
      () =>
        client(hang, { timeout: 60_000 }).GET("/things/{id}", {
          params: { path: { id: 1 } },
          campaignkit: { timeout: 20 },
        } as never),
      20,
    );
    expect(error).toMatchObject({ code: "TIMEOUT" });
  });

  it("ends a call the caller aborts with ABORTED", async () => {
    const controller = new AbortController();
    const pending = client(hang).GET("/things/{id}", {
      params: { path: { id: 1 } },
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending.catch((e: unknown) => e)).toMatchObject({ code: "ABORTED" });
  });
});

describe("retryAfterMs and backoffMs", () => {
  it("reads retry-after-ms, retry-after seconds and an HTTP date, up to 60 s", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }))).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(
      5000,
    );
    expect(retryAfterMs(new Headers({ "retry-after": "120" }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it("doubles from 0.5 s, caps at 8 s, and jitters down by at most 25 %", () => {
    expect(backoffMs(0, 0)).toBe(500);
    expect(backoffMs(1, 0)).toBe(1000);
    expect(backoffMs(10, 0)).toBe(8000);
    expect(backoffMs(0, 1)).toBe(375);
  });
});
