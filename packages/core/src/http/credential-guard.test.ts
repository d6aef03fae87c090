import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { isCredentialRefusal } from "../errors.js";
import { vendorError } from "../provider/http-status-error.js";
import { sendStep } from "../provider/request-step.js";
import { createVendorClient, type VendorDescriptor } from "./create-vendor-client.js";
import {
  type CredentialRefusalRule,
  credentialGateCount,
  KEPT_REFUSALS,
  resetCredentialGuard,
} from "./credential-guard.js";

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

/** Like Asisso: a 401 refuses the key, except the one about the account's setup. */
const rule: CredentialRefusalRule = ({ httpStatus, body }) =>
  httpStatus === 401 && (body as { detail?: string })?.detail !== "set up telephony first"
    ? { vendorCode: "K1", meaning: "the key is not valid" }
    : undefined;

const descriptor: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "X-Key" },
  userAgent: "campaignkit-acme/0.0.0",
  credentialRefusal: rule,
};

let keys = 0;
/** A fresh key per test: the guard is shared per credential across the whole process. */
const newKey = () => `ck-canary-gate-${++keys}-${Math.random().toString(36).slice(2)}`;

const refused = () => Response.json({ detail: "Invalid or expired API key" }, { status: 401 });
const ok = () => Response.json({ id: 1 });

/** A fetch that counts what it is sent and answers with `respond`; `inFlight` peaks are kept. */
function countingFetch(respond: () => Response | Promise<Response>) {
  const stats = { sent: 0, inFlight: 0, peak: 0 };
  const fetch = async () => {
    stats.sent++;
    stats.inFlight++;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    try {
      return await respond();
    } finally {
      stats.inFlight--;
    }
  };
  return { stats, fetch };
}

/** A promise and its resolver, to hold an answer until the test releases it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Lets pending callbacks run until `condition` holds (no timers: a few turns of the loop). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const clientOf = (apiKey: string, fetch: () => Promise<Response>) =>
  createVendorClient<Paths>(descriptor, { apiKey, fetch, maxRetries: 0 });

/** A provider-like call: the decoder reads the answer with the same rule as the guard. */
const decode = (operationId: string, httpStatus: number, body: unknown) => {
  if (httpStatus < 400) return undefined;
  const refusal = rule({ operationId, httpStatus, body });
  return vendorError("AUTH", {
    vendor: "acme",
    operationId,
    httpStatus,
    ...(refusal ? { credentialRefusal: refusal } : {}),
  });
};
const step = {
  operationId: "getThing",
  method: "GET",
  path: "/c",
  idempotent: true,
  purpose: "read",
} as const;
const providerCall = (client: unknown) =>
  sendStep(client as never, "acme", step, decode).then(
    () => undefined,
    (error: unknown) => error,
  );

describe("credential guard: probe first", () => {
  it("sends exactly 1 of 50 parallel calls with a refused key; all 50 are refusals", async () => {
    const key = newKey();
    const { stats, fetch } = countingFetch(refused);
    const client = clientOf(key, fetch);
    const errors = await Promise.all(Array.from({ length: 50 }, () => providerCall(client)));
    expect(stats.sent).toBe(1);
    expect(errors.every(isCredentialRefusal)).toBe(true);
    const [first, second] = errors as Error[];
    expect(first).toMatchObject({ code: "AUTH", httpStatus: 401, retryable: false });
    expect(first?.message).toContain("the key is not valid");
    expect(second).toMatchObject({
      code: "AUTH",
      httpStatus: 401,
      vendorCode: "K1",
      details: { credentialRefused: true, latched: true },
    });
    expect(second?.message).toMatch(/not sent.*refused this credential.*resetCredentialGuard/);
    for (const error of errors) expect(inspect(error, { depth: 5 })).not.toContain(key);
  });

  it("shares the gate between clients of one key, and not with another key or vendor", async () => {
    const key = newKey();
    const { stats, fetch } = countingFetch(refused);
    await providerCall(clientOf(key, fetch));
    expect(isCredentialRefusal(await providerCall(clientOf(key, fetch)))).toBe(true);
    expect(stats.sent).toBe(1);

    const other = countingFetch(ok);
    expect(await providerCall(clientOf(newKey(), other.fetch))).toBeUndefined();
    const otherVendor = createVendorClient<Paths>(
      { ...descriptor, vendor: "acme2" },
      { apiKey: key, fetch: other.fetch, maxRetries: 0 },
    );
    expect(await providerCall(otherVendor)).toBeUndefined();
    expect(other.stats.sent).toBe(2);
  });

  it("holds the others until the probe is answered; a success lets them all go at once", async () => {
    const key = newKey();
    const first = deferred<Response>();
    let calls = 0;
    const { stats, fetch } = countingFetch(() => (++calls === 1 ? first.promise : ok()));
    const client = clientOf(key, fetch);
    const pending = Array.from({ length: 10 }, () => client.GET("/c"));
    await until(() => stats.sent > 1);
    expect(stats.sent).toBe(1);
    first.resolve(ok());
    const results = await Promise.all(pending);
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(stats.sent).toBe(10);

    // Accepted: no more gate. 20 calls held by the vendor are all in flight together.
    const held = deferred<void>();
    const slow = countingFetch(async () => {
      await held.promise;
      return ok();
    });
    const accepted = clientOf(key, slow.fetch);
    const parallel = Array.from({ length: 20 }, () => accepted.GET("/c"));
    await until(() => slow.stats.inFlight === 20);
    expect(slow.stats.inFlight).toBe(20);
    held.resolve();
    await Promise.all(parallel);
  });

  it("passes the turn on when the probe gets no verdict (5xx, network error)", async () => {
    const key = newKey();
    const answers = [
      () => new Response("down", { status: 503 }),
      () => Promise.reject(new TypeError("fetch failed")),
      refused,
    ];
    let index = 0;
    const { stats, fetch } = countingFetch(() => (answers[index++] ?? ok)());
    const client = clientOf(key, fetch);
    const errors = await Promise.all(Array.from({ length: 6 }, () => providerCall(client)));
    expect(stats.peak).toBe(1);
    expect(stats.sent).toBe(3);
    expect(errors.filter(isCredentialRefusal)).toHaveLength(4);
  });

  it("ends a waiting call on its own abort, without sending it", async () => {
    const key = newKey();
    const first = deferred<Response>();
    const { stats, fetch } = countingFetch(() => first.promise);
    const client = clientOf(key, fetch);
    const probe = client.GET("/c");
    const controller = new AbortController();
    const waiting = client.GET("/c", { signal: controller.signal }).catch((error) => error);
    await until(() => stats.sent > 1);
    controller.abort();
    expect(await waiting).toMatchObject({ code: "ABORTED" });
    expect(stats.sent).toBe(1);
    first.resolve(ok());
    await probe;
  });
});

describe("credential guard: latch", () => {
  it("sends nothing once the key is refused, until it is reset", async () => {
    const key = newKey();
    let answer = refused;
    const { stats, fetch } = countingFetch(() => answer());
    const client = clientOf(key, fetch);
    const { response } = await client.GET("/c");
    expect(response.status).toBe(401);
    for (let i = 0; i < 5; i++) {
      const error = await client.GET("/c").catch((e: unknown) => e);
      expect(isCredentialRefusal(error)).toBe(true);
    }
    expect(stats.sent).toBe(1);

    answer = ok;
    expect(resetCredentialGuard("acme", key)).toBe(true);
    expect(resetCredentialGuard("acme", key)).toBe(false);
    expect((await client.GET("/c")).response.status).toBe(200);
    expect(stats.sent).toBe(2);
  });

  it("latches on a refusal that comes after the key was accepted (a revoked key)", async () => {
    const key = newKey();
    let answer = ok;
    const { stats, fetch } = countingFetch(() => answer());
    const client = clientOf(key, fetch);
    await client.GET("/c");
    answer = refused;
    await client.GET("/c");
    expect(isCredentialRefusal(await client.GET("/c").catch((e: unknown) => e))).toBe(true);
    expect(stats.sent).toBe(2);
  });

  it("does not latch on a 401 the vendor's rule says is not about the key", async () => {
    const key = newKey();
    const setup = () => Response.json({ detail: "set up telephony first" }, { status: 401 });
    const held = deferred<void>();
    let calls = 0;
    const { stats, fetch } = countingFetch(async () => {
      if (++calls > 1) await held.promise;
      return setup();
    });
    const client = clientOf(key, fetch);
    const pending = Array.from({ length: 5 }, () => providerCall(client));
    // The answer shows the key is valid: the 4 calls held behind the probe go together.
    await until(() => stats.inFlight === 4);
    expect(stats.inFlight).toBe(4);
    held.resolve();
    const errors = await Promise.all(pending);
    expect(stats.sent).toBe(5);
    expect(errors.some(isCredentialRefusal)).toBe(false);
    expect(errors[0]).toMatchObject({ code: "AUTH", httpStatus: 401 });
    expect(await providerCall(client)).toMatchObject({ code: "AUTH" });
    expect(stats.sent).toBe(6);
  });

  it("refuses on a 401 by default, for a vendor that declares no rule", async () => {
    const key = newKey();
    const { stats, fetch } = countingFetch(() => new Response(null, { status: 401 }));
    const { credentialRefusal: _, ...plain } = descriptor;
    const client = createVendorClient<Paths>(
      { ...plain, vendor: "plain" },
      { apiKey: key, fetch, maxRetries: 0 },
    );
    await client.GET("/c");
    expect(isCredentialRefusal(await client.GET("/c").catch((e: unknown) => e))).toBe(true);
    expect(stats.sent).toBe(1);
  });

  it("passes the operation of a provider step to the rule", async () => {
    const seen: (string | undefined)[] = [];
    const client = createVendorClient<Paths>(
      {
        ...descriptor,
        credentialRefusal: ({ operationId }) => {
          seen.push(operationId);
          return undefined;
        },
      },
      { apiKey: newKey(), fetch: async () => ok(), maxRetries: 0 },
    );
    await providerCall(client);
    await client.GET("/c");
    expect(seen).toEqual(["getThing", undefined]);
  });
});

describe("credential guard: its table", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const collect = async () => {
    // WeakRefs hold until the end of the current job: let it end, then collect.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
  };

  it("forgets the gates no client holds any more", { timeout: 30_000 }, async () => {
    await collect();
    const before = credentialGateCount();
    let clients: unknown[] = [];
    for (let i = 0; i < 200; i++) {
      const client = clientOf(newKey(), async () => ok());
      await client.GET("/c");
      clients.push(client);
    }
    expect(credentialGateCount()).toBe(before + 200);
    clients = [];
    await collect();
    expect(clients).toHaveLength(0);
    // The 200 are gone (a handful may still be reachable from the test's own frames).
    expect(credentialGateCount()).toBeLessThan(before + 10);
  });

  it("never forgets a refusal while a client of it is alive", { timeout: 30_000 }, async () => {
    const key = newKey();
    const { stats, fetch } = countingFetch(refused);
    const client = clientOf(key, fetch);
    await client.GET("/c");
    // More refusals than the table keeps without a client, each with its client gone.
    for (let i = 0; i < KEPT_REFUSALS + 8; i++) {
      await clientOf(newKey(), async () => refused()).GET("/c");
    }
    await collect();
    expect(isCredentialRefusal(await client.GET("/c").catch((e: unknown) => e))).toBe(true);
    // A new client of the same key shares the live gate.
    expect(isCredentialRefusal(await providerCall(clientOf(key, fetch)))).toBe(true);
    expect(stats.sent).toBe(1);
  });

  it("keeps recent refusals after their last client is gone", { timeout: 30_000 }, async () => {
    const key = newKey();
    const { stats, fetch } = countingFetch(refused);
    await clientOf(key, fetch).GET("/c");
    await collect();
    expect(isCredentialRefusal(await providerCall(clientOf(key, fetch)))).toBe(true);
    expect(stats.sent).toBe(1);
  });
});
