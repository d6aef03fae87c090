import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { WatchEvent } from "./events.js";
import { openWatchStore, type SqliteWatchStore } from "./sqlite-store.js";
import { manualClock } from "./test-support/manual-clock.js";
import { deadLetters, deliverWebhooks, deliveryLog, retryDelay } from "./webhook-delivery.js";
import { verifyWebhook } from "./webhook-signature.js";

// 32 random bytes, for these tests only.
const SECRET = "whsec_y3iJ9Zg6h2o1m4QhXo5tWkD8pY7cR0aV2bN6eL1sU9E=";
const dir = mkdtempSync(join(tmpdir(), "campaignkit-webhook-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/** A receiver that answers each delivery with the next status of `statuses` (then 200). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  let waiter: (() => void) | undefined;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
      waiter?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** Resolves once `count` deliveries have arrived. */
    async deliveries(count: number) {
      while (received.length < count) await new Promise<void>((resolve) => (waiter = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const event = (n: number): WatchEvent => ({
  id: `evt_${String(n).padStart(32, "0")}`,
  type: "campaign.status_changed",
  vendor: "asisso",
  campaignId: "124",
  at: "2026-12-02T12:00:30.000Z",
  from: "active",
  to: "paused",
  reason: { code: "circuit_breaker_tripped" },
  campaign: { vendor: "asisso", id: "124", status: "paused", raw: {} },
});

let files = 0;
function storeWith(events: WatchEvent[], initialised = true): SqliteWatchStore {
  const store = openWatchStore(join(dir, `state-${++files}.sqlite`));
  if (initialised)
    store.database.exec(
      "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    );
  if (initialised)
    store.database.prepare("INSERT INTO meta (key, value) VALUES ('webhook_cursor', '0')").run();
  store.commitRound({ vendors: [], events });
  return store;
}

/** Lets the sender run until it waits on the clock again. */
async function settle(clock: ReturnType<typeof manualClock>) {
  await clock.sleeping();
}

describe("deliverWebhooks", () => {
  it("signs each delivery so that a receiver's verifyWebhook accepts it, body = the event", async () => {
    const hooks = await receiver([]);
    const store = storeWith([event(1), event(2)]);
    const controller = new AbortController();
    let logged = 0;
    let bothLogged: () => void = () => {};
    const logs = new Promise<void>((resolve) => {
      bothLogged = resolve;
    });
    const running = deliverWebhooks({
      store,
      url: hooks.url,
      secret: SECRET,
      signal: controller.signal,
      onAttempt: () => {
        logged += 1;
        if (logged === 2) bothLogged();
      },
    });
    await logs;
    controller.abort();
    await running;
    const [first] = hooks.received;
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers["webhook-id"]).toBe(event(1).id);
    expect(first?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(
      verifyWebhook(SECRET, first?.headers as Record<string, string>, first?.body ?? ""),
    ).toEqual(event(1));
    expect(() =>
      verifyWebhook(
        SECRET,
        first?.headers as Record<string, string>,
        (first?.body ?? "").replace("paused", "active"),
      ),
    ).toThrow(expect.objectContaining({ code: "VALIDATION", field: "webhook-signature" }));
    expect(deliveryLog(store).map((a) => [a.eventId, a.outcome, a.status])).toEqual([
      [event(1).id, "delivered", 200],
      [event(2).id, "delivered", 200],
    ]);
    store.close();
    await hooks.close();
  });

  it("retries a failing receiver with backoff and jitter, with the same id, until it recovers", async () => {
    const hooks = await receiver([500, 503]);
    const store = storeWith([event(1)]);
    const clock = manualClock();
    const controller = new AbortController();
    const running = deliverWebhooks({
      store,
      url: hooks.url,
      secret: SECRET,
      signal: controller.signal,
      clock,
      baseDelay: 1000,
      random: () => 0.5,
    });
    await settle(clock);
    expect(hooks.received).toHaveLength(1);
    clock.advance(749); // the first retry waits 750 ms (1000 ms, jittered over its upper half)
    await settle(clock);
    expect(hooks.received).toHaveLength(1);
    clock.advance(1);
    await hooks.deliveries(2);
    await settle(clock);
    clock.advance(1500); // the second: 1500 ms of up to 2000
    await hooks.deliveries(3);
    await settle(clock);
    controller.abort();
    await running;
    expect(new Set(hooks.received.map((r) => r.headers["webhook-id"]))).toEqual(
      new Set([event(1).id]),
    );
    expect(deliveryLog(store).map((a) => [a.attempt, a.outcome, a.error ?? ""])).toEqual([
      [1, "retry", "HTTP 500"],
      [2, "retry", "HTTP 503"],
      [3, "delivered", ""],
    ]);
    store.close();
    await hooks.close();
  });

  it("dead-letters an event after the last attempt and goes on with the next", async () => {
    const hooks = await receiver([500, 200, 500]);
    const store = storeWith([event(1), event(2)]);
    const controller = new AbortController();
    const clock = manualClock();
    const running = deliverWebhooks({
      store,
      url: hooks.url,
      secret: SECRET,
      signal: controller.signal,
      clock,
      maxAttempts: 2,
      baseDelay: 1000,
      random: () => 0,
    });
    await settle(clock);
    clock.advance(500);
    await hooks.deliveries(3);
    await settle(clock);
    controller.abort();
    await running;
    expect(deadLetters(store)).toEqual([{ eventId: event(1).id, attempts: 2 }]);
    expect(deliveryLog(store).map((a) => [a.eventId, a.outcome])).toEqual([
      [event(1).id, "retry"],
      [event(2).id, "delivered"],
      [event(1).id, "dead"],
    ]);
    store.close();
    await hooks.close();
  });

  it("keeps the secret out of the database, and refuses bad options before any request", () => {
    const store = storeWith([event(1)]);
    const path = store.path;
    store.close();
    const bytes = readFileSync(path);
    expect(bytes.includes(SECRET.slice(6))).toBe(false);
    const again = openWatchStore(path);
    expect(() =>
      deliverWebhooks({ store: again, url: "ftp://example.com", secret: SECRET }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION", field: "webhook" }));
    expect(() =>
      deliverWebhooks({ store: again, url: "http://example.com/hook", secret: SECRET }),
    ).toThrow(expect.objectContaining({ field: "webhook" }));
    let error: unknown;
    try {
      deliverWebhooks({ store: again, url: "https://example.com/hook", secret: "whsec_c2hvcnQ=" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "VALIDATION", field: "webhookSecret" });
    expect(String((error as Error).message)).not.toContain("c2hvcnQ");
    again.close();
  });

  it("backs off exponentially up to the cap", () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, 1000, 5000, () => 1))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(retryDelay(3, 1000, 5000, () => 0)).toBe(2000);
  });
});

describe("verifyWebhook against the Standard Webhooks test vector", () => {
  // From standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts
  // ("sign function works", and its TestPayload defaults), commit 10d3e46d720c4e5861a792bec25792a04ad4e2b3.
  const vector = {
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    timestamp: 1614265330,
    body: '{"test": 2432232314}',
    signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  };
  const headers = (signature: string, timestamp = String(vector.timestamp)) => ({
    "webhook-id": vector.id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signature,
  });

  it("accepts the vector's signature (alone, or among others) at its time", () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000 });
    try {
      expect(verifyWebhook(vector.secret, headers(vector.signature), vector.body)).toEqual({
        test: 2432232314,
      });
      const several = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,x ${vector.signature}`;
      expect(
        verifyWebhook(vector.secret, new Headers(headers(several)), Buffer.from(vector.body)),
      ).toEqual({
        test: 2432232314,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ["a wrong signature", headers("v1,dawfeoifkpqwoekfpqoekf"), 0],
    ["a cut signature", headers(vector.signature.slice(0, 8)), 0],
    ["another version only", headers(vector.signature.replace("v1,", "v2,")), 0],
    ["no signature", { "webhook-id": vector.id, "webhook-timestamp": String(vector.timestamp) }, 0],
    ["the vector read over five minutes later", headers(vector.signature), 301],
  ])("refuses %s", (_name, given, lateSeconds) => {
    vi.useFakeTimers({ now: (vector.timestamp + lateSeconds) * 1000 });
    try {
      expect(() => verifyWebhook(vector.secret, given, vector.body)).toThrow(
        expect.objectContaining({ code: "VALIDATION", field: "webhook-signature" }),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
