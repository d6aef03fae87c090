import { validationError } from "@campaignkit/core";
import { type Clock, systemClock } from "./clock.js";
import type { SqliteWatchStore } from "./sqlite-store.js";
import { webhookFor } from "./webhook-signature.js";

const TABLES = `
CREATE TABLE IF NOT EXISTS webhook_queue (
  event_seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead'))
);
CREATE INDEX IF NOT EXISTS webhook_due ON webhook_queue (next_attempt_at) WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS webhook_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  status INTEGER,
  error TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead'))
);
`;

/** One attempt, as the delivery log keeps it (`status` absent: no HTTP answer). */
export interface DeliveryAttempt {
  eventId: string;
  attempt: number;
  /** ms since the epoch */
  at: number;
  status?: number;
  error?: string;
  outcome: "delivered" | "retry" | "dead";
}

/**
 * Where `deliverWebhooks` sends the outbox's events, signed with which secret, and how it retries.
 */
export interface WebhookDeliveryOptions {
  /** The watcher's state file: the outbox is read from it, the queue and log written to it. */
  store: SqliteWatchStore;
  url: string;
  /** `whsec_…` (Standard Webhooks): read it from the environment, never from a command line. */
  secret: string;
  signal?: AbortSignal;
  /** Attempts per event before it is dead-lettered (default 8). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled per attempt up to `maxDelay` (defaults 5 s and 10 min). */
  baseDelay?: number;
  maxDelay?: number;
  /** Deadline of one attempt in ms (default 10 s). */
  timeout?: number;
  /** How often the outbox is checked for new events, in ms (default 1 s). */
  pollInterval?: number;
  clock?: Clock;
  /** The fetch that sends each attempt (default: the global `fetch`). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** A number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
  /** Called after every attempt, as the delivery log records it. */
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationError("watch", "webhook", "must be an absolute http(s) URL");
  }
  if (url.username || url.password)
    throw validationError("watch", "webhook", "must not carry credentials");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname)))
    throw validationError("watch", "webhook", "must be https: (http: only on a loopback host)");
  return url;
}

const positive = (field: string, value: number | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw validationError("watch", field, "must be a whole number above 0");
  return value;
};

/** The delay before attempt `attempts + 1`: exponential, capped, with full jitter on its upper half. */
export function retryDelay(
  attempts: number,
  base: number,
  max: number,
  random: () => number,
): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Why an attempt failed, in words that never hold the URL's query or the secret. */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  if (error instanceof Error && error.name === "AbortError") return "aborted";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ? `network error ${cause.code}` : "network error";
}

/**
 * Delivers the watcher's events to one URL, following Standard Webhooks: a POST whose body is
 * the event's JSON, with `webhook-id` (the event id), `webhook-timestamp` and `webhook-signature`
 * (`v1,` HMAC-SHA256). At least once: an event leaves the queue on a 2xx; any other answer, a
 * redirect, a network error or a timeout is retried with exponential backoff and jitter, and
 * after `maxAttempts` the event is dead-lettered. Every attempt is logged in the same database.
 * Runs until `signal` aborts; events stored before the first run on a state file are not sent.
 * Bad options throw a `VALIDATION` error at once, before any request (the secret is never in it).
 */
export function deliverWebhooks(options: WebhookDeliveryOptions): Promise<void> {
  const url = checkUrl(options.url).href;
  const webhook = webhookFor(options.secret, "webhookSecret");
  const maxAttempts = positive("maxAttempts", options.maxAttempts, 8);
  const baseDelay = positive("baseDelay", options.baseDelay, 5000);
  const maxDelay = positive("maxDelay", options.maxDelay, 600_000);
  const timeout = positive("timeout", options.timeout, 10_000);
  const pollInterval = positive("pollInterval", options.pollInterval, 1000);
  const { store, onAttempt } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const fetcher =
    options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
  const signal = options.signal ?? new AbortController().signal;
  const db = store.database;
  db.exec(TABLES);
  return run();

  async function run(): Promise<void> {
    const enqueue = () =>
      store.transaction(() => {
        const cursor = db.prepare("SELECT value FROM meta WHERE key = 'webhook_cursor'").get() as
          | { value: string }
          | undefined;
        const last = (
          db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox").get() as { seq: number }
        ).seq;
        if (cursor) {
          db.prepare(
            `INSERT OR IGNORE INTO webhook_queue (event_seq, event_id, next_attempt_at, state)
             SELECT seq, id, ?, 'pending' FROM outbox WHERE seq > ? AND seq <= ?`,
          ).run(clock.now(), Number(cursor.value), last);
        }
        db.prepare(
          "INSERT INTO meta (key, value) VALUES ('webhook_cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ).run(String(last));
      });
    const due = db.prepare(
      `SELECT q.event_seq AS seq, q.event_id AS id, q.attempts AS attempts, o.event AS body
       FROM webhook_queue q JOIN outbox o ON o.seq = q.event_seq
       WHERE q.state = 'pending' AND q.next_attempt_at <= ? ORDER BY q.next_attempt_at, q.event_seq LIMIT 20`,
    );
    const nextDue = db.prepare(
      "SELECT MIN(next_attempt_at) AS at FROM webhook_queue WHERE state = 'pending'",
    );
    const settle = db.prepare(
      "UPDATE webhook_queue SET attempts = ?, next_attempt_at = ?, state = ? WHERE event_seq = ?",
    );
    const log = db.prepare(
      "INSERT INTO webhook_log (event_id, attempt, at, status, error, outcome) VALUES (?, ?, ?, ?, ?, ?)",
    );

    const attempt = async (row: { seq: number; id: string; attempts: number; body: string }) => {
      const at = clock.now();
      const headers = {
        "content-type": "application/json",
        "webhook-id": row.id,
        "webhook-timestamp": String(Math.floor(at / 1000)),
        "webhook-signature": webhook.sign(row.id, new Date(at), row.body),
      };
      let status: number | undefined;
      let error: string | undefined;
      try {
        const response = await fetcher(url, {
          method: "POST",
          headers,
          body: row.body,
          redirect: "manual",
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]),
        });
        status = response.status;
        await response.body?.cancel().catch(() => {});
        if (status < 200 || status > 299) error = `HTTP ${status}`;
      } catch (caught) {
        if (signal.aborted) return; // stopping: the attempt does not count
        error = describe(caught);
      }
      const attempts = row.attempts + 1;
      const outcome =
        error === undefined ? "delivered" : attempts >= maxAttempts ? "dead" : "retry";
      const next =
        outcome === "retry"
          ? clock.now() + retryDelay(attempts, baseDelay, maxDelay, random)
          : clock.now();
      store.transaction(() => {
        settle.run(attempts, next, outcome === "retry" ? "pending" : outcome, row.seq);
        log.run(row.id, attempts, at, status ?? null, error ?? null, outcome);
      });
      onAttempt?.({
        eventId: row.id,
        attempt: attempts,
        at,
        ...(status === undefined ? {} : { status }),
        ...(error === undefined ? {} : { error }),
        outcome,
      });
    };

    while (!signal.aborted) {
      enqueue();
      const rows = due.all(clock.now()) as {
        seq: number;
        id: string;
        attempts: number;
        body: string;
      }[];
      for (const row of rows) {
        if (signal.aborted) return;
        await attempt(row);
      }
      if (rows.length > 0) continue;
      const soonest = (nextDue.get() as { at: number | null }).at;
      const wait = soonest === null ? pollInterval : Math.min(pollInterval, soonest - clock.now());
      await clock.sleep(Math.max(0, wait), signal);
    }
  }
}

/** The delivery log of a state file, oldest first (for tests and `campaignkit watch` reports). */
export function deliveryLog(store: SqliteWatchStore): DeliveryAttempt[] {
  store.database.exec(TABLES);
  const rows = store.database
    .prepare("SELECT event_id, attempt, at, status, error, outcome FROM webhook_log ORDER BY id")
    .all() as {
    event_id: string;
    attempt: number;
    at: number;
    status: number | null;
    error: string | null;
    outcome: DeliveryAttempt["outcome"];
  }[];
  return rows.map((row) => ({
    eventId: row.event_id,
    attempt: row.attempt,
    at: row.at,
    ...(row.status === null ? {} : { status: row.status }),
    ...(row.error === null ? {} : { error: row.error }),
    outcome: row.outcome,
  }));
}

/** Events that used every attempt, with their last error. */
export function deadLetters(store: SqliteWatchStore): { eventId: string; attempts: number }[] {
  store.database.exec(TABLES);
  return (
    store.database
      .prepare(
        "SELECT event_id, attempts FROM webhook_queue WHERE state = 'dead' ORDER BY event_seq",
      )
      .all() as { event_id: string; attempts: number }[]
  ).map((row) => ({ eventId: row.event_id, attempts: row.attempts }));
}
