import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { type Campaign, CampaignkitError } from "@campaignkit/core";
import type { WatchEvent } from "./events.js";
import { loadSqlite } from "./load-sqlite.js";
import type { SnapshotIndexEntry, VendorState, WatchStore } from "./store.js";

const SCHEMA_VERSION = "1";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vendors (vendor TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (
  vendor TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  removed INTEGER NOT NULL,
  campaign TEXT NOT NULL,
  PRIMARY KEY (vendor, campaign_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  vendor TEXT NOT NULL,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  emitted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (seq) WHERE emitted = 0;
`;

/** A `WatchStore` over an open database: the watcher's tables, and the database for others. */
export interface SqliteWatchStore extends WatchStore {
  readonly path: string;
  /** The open database, for the webhook sender's tables in the same file. */
  readonly database: DatabaseSync;
  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T;
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && /database is locked|SQLITE_BUSY/i.test(error.message);
}

/**
 * Opens (or creates) the watch state file at `path`: SQLite through `node:sqlite`, in WAL mode.
 * One watcher owns a state file at a time: a second one gets `CONFLICT` (a shard needs a file of
 * its own). `":memory:"` keeps the state in memory.
 */
export function openWatchStore(path: string): SqliteWatchStore {
  if (typeof path !== "string" || path === "")
    throw new CampaignkitError({
      code: "VALIDATION",
      vendor: "watch",
      field: "path",
      message: "watch: invalid path: must be a file path",
    });
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(path, { timeout: 2000 });
  try {
    db.exec(
      "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
    );
    db.exec("BEGIN IMMEDIATE");
    db.exec(SCHEMA);
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
      | { value: string }
      | undefined;
    if (!version)
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
    else if (version.value !== SCHEMA_VERSION)
      throw new CampaignkitError({
        code: "VALIDATION",
        vendor: "watch",
        field: "path",
        message: `watch: the state file has schema ${version.value}; this version reads ${SCHEMA_VERSION}`,
      });
    db.exec("COMMIT");
  } catch (error) {
    db.close();
    if (isBusy(error))
      throw new CampaignkitError({
        code: "CONFLICT",
        vendor: "watch",
        field: "path",
        message: `watch: the state file ${path} is in use by another watcher (give each shard its own file)`,
        cause: error,
      });
    throw error;
  }

  const statements = new Map<string, StatementSync>();
  const sql = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  let depth = 0;
  const transaction = <T>(work: () => T): T => {
    if (depth > 0) return work();
    db.exec("BEGIN IMMEDIATE");
    depth += 1;
    try {
      const result = work();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    } finally {
      depth -= 1;
    }
  };
  let closed = false;

  return {
    path,
    database: db,
    transaction,

    vendorState(vendor) {
      const row = sql("SELECT state FROM vendors WHERE vendor = ?").get(vendor) as
        | { state: string }
        | undefined;
      return row ? (JSON.parse(row.state) as VendorState) : undefined;
    },

    snapshotIndex(vendor) {
      const rows = sql(
        "SELECT campaign_id, version, fingerprint, removed FROM snapshots WHERE vendor = ?",
      ).all(vendor) as {
        campaign_id: string;
        version: number;
        fingerprint: string;
        removed: number;
      }[];
      return new Map<string, SnapshotIndexEntry>(
        rows.map((row) => [
          row.campaign_id,
          { version: row.version, fingerprint: row.fingerprint, removed: row.removed === 1 },
        ]),
      );
    },

    snapshot(vendor, campaignId) {
      const row = sql("SELECT campaign FROM snapshots WHERE vendor = ? AND campaign_id = ?").get(
        vendor,
        campaignId,
      ) as { campaign: string } | undefined;
      return row ? (JSON.parse(row.campaign) as Campaign) : undefined;
    },

    commitRound(write) {
      transaction(() => {
        const setVendor = sql(
          "INSERT INTO vendors (vendor, state) VALUES (?, ?) ON CONFLICT (vendor) DO UPDATE SET state = excluded.state",
        );
        const setSnapshot = sql(
          `INSERT INTO snapshots (vendor, campaign_id, version, fingerprint, removed, campaign) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (vendor, campaign_id) DO UPDATE SET version = excluded.version,
             fingerprint = excluded.fingerprint, removed = excluded.removed, campaign = excluded.campaign`,
        );
        for (const { vendor, state, snapshots } of write.vendors) {
          setVendor.run(vendor, JSON.stringify(state));
          for (const row of snapshots)
            setSnapshot.run(
              vendor,
              row.campaignId,
              row.version,
              row.fingerprint,
              row.removed ? 1 : 0,
              JSON.stringify(row.campaign),
            );
        }
        const addEvent = sql(
          "INSERT INTO outbox (id, type, vendor, at, event) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        );
        for (const event of write.events)
          addEvent.run(event.id, event.type, event.vendor, event.at, JSON.stringify(event));
      });
    },

    pendingEvents(limit) {
      const rows = sql("SELECT event FROM outbox WHERE emitted = 0 ORDER BY seq LIMIT ?").all(
        limit,
      ) as { event: string }[];
      return rows.map((row) => JSON.parse(row.event) as WatchEvent);
    },

    markEmitted(eventId) {
      sql("UPDATE outbox SET emitted = 1 WHERE id = ?").run(eventId);
    },

    pruneEvents(before) {
      return transaction(() => {
        // With a webhook sender on this file, an event it has not queued yet (after its cursor)
        // or has not settled (pending) stays; its settled queue rows and log lines go with it.
        const webhooks = sql(
          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'webhook_queue'",
        ).get();
        const done = webhooks
          ? `emitted = 1 AND at < ?
             AND seq <= COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'webhook_cursor'), 0)
             AND seq NOT IN (SELECT event_seq FROM webhook_queue WHERE state = 'pending')`
          : "emitted = 1 AND at < ?";
        if (webhooks) {
          db.prepare(
            `DELETE FROM webhook_log WHERE event_id IN (SELECT id FROM outbox WHERE ${done})`,
          ).run(before);
          db.prepare(
            `DELETE FROM webhook_queue WHERE event_seq IN (SELECT seq FROM outbox WHERE ${done})`,
          ).run(before);
        }
        return Number(db.prepare(`DELETE FROM outbox WHERE ${done}`).run(before).changes);
      });
    },

    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
