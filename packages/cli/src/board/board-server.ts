import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  type Campaign,
  type CampaignPatch,
  type CampaignProvider,
  isCampaignkitError,
  PATCH_FIELDS,
} from "@campaignkit/core";
import {
  type Clock,
  memoryWatchStore,
  type RoundReport,
  type WatchEvent,
  watchCampaigns,
} from "@campaignkit/watch";
import { UsageError } from "../exit-codes.js";
import { formatCallingHours } from "../format.js";
import { patchFromAssignments } from "../set-parser.js";
import type {
  BoardActionRequest,
  BoardCampaign,
  BoardCapabilities,
  BoardError,
  BoardEvent,
  BoardField,
  BoardVendorHealth,
} from "./api-types.js";
import { describeBoardEvent } from "./board-events.js";

/** One vendor the board shows: its provider, and one that plans with a placeholder credential. */
export interface BoardVendor {
  vendor: string;
  displayName: string;
  /** Lists (through the watcher), reads and writes. */
  provider: CampaignProvider;
  /** Plans only: built with the credential `REDACTED`, so no plan can hold the real one. */
  planner: CampaignProvider;
}

export interface BoardServerOptions {
  vendors: readonly BoardVendor[];
  /** Milliseconds between poll rounds (at least 1000). */
  interval: number;
  /** 0 (the default): a free port. */
  port?: number;
  /** Where the built page is (index.html, app.js, style.css): default the package's dist/board-page. */
  pageDir?: string;
  /** Whether the vendors are the embedded sandbox (the page says so). */
  sandbox?: boolean;
  /** Turns any text into one without the credentials the board knows (a last guard). */
  scrub?: (text: string) => string;
  /** For tests: the watcher's clock. */
  clock?: Clock;
  /** Called when the watcher stops on an error (it is not restarted). */
  onWatchError?: (error: unknown) => void;
}

export interface BoardServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The URL to open once: `http://127.0.0.1:PORT/?token=…`. */
  loginUrl: string;
  port: number;
  close(): Promise<void>;
}

const PAGE_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};

/** The headers of every answer: no framing, no sniffing, no referrer, only the board's own files. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

const MAX_BODY_BYTES = 64 * 1024;
const MAX_EVENTS = 500;
const CSRF_HEADER = "x-csrf-token";

/** Read-only vendor payload keys that hold the vendor's own status (see each vendor's mapper). */
const VENDOR_STATUS_KEYS = ["status", "state", "cp_status_txt"] as const;
const VELIP_ACTIVE_KEY = "cp_active "; // Velip's key ends in a space

/** The vendor's own status from its payload: `running`, `Y`, `PAUSED`, `cp_active 0`… */
export function vendorStatusOf(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  for (const key of VENDOR_STATUS_KEYS) {
    const value = record[key];
    if ((typeof value === "string" && value !== "") || typeof value === "number")
      return String(value);
  }
  const active = record[VELIP_ACTIVE_KEY];
  return typeof active === "string" || typeof active === "number"
    ? `cp_active ${active}`
    : undefined;
}

/** A campaign as the page shows it: the normalized fields, never `raw` or `stats`. */
export function boardCampaign(campaign: Campaign, lastChange?: string): BoardCampaign {
  const vendorStatus = vendorStatusOf(campaign.raw);
  const hours = formatCallingHours(campaign.schedule?.callingHours);
  return {
    vendor: campaign.vendor,
    id: campaign.id,
    ...(campaign.name !== undefined ? { name: campaign.name } : {}),
    status: campaign.status,
    ...(vendorStatus !== undefined ? { vendorStatus } : {}),
    ...(campaign.statusReason ? { statusReason: { ...campaign.statusReason } } : {}),
    ...(campaign.schedule?.timezone ? { timezone: campaign.schedule.timezone } : {}),
    ...(hours ? { callingHours: hours } : {}),
    ...(campaign.pacing ? { pacing: { ...campaign.pacing } } : {}),
    ...(lastChange ? { lastChange } : {}),
  };
}

/** What the edit form may offer for a vendor: supported patch fields with their bounds. */
export function boardCapabilities(vendor: BoardVendor): BoardCapabilities {
  const { operations, patch } = vendor.provider.capabilities;
  const fields: BoardField[] = [];
  for (const field of PATCH_FIELDS) {
    const support = patch[field];
    if (field === "status" || !support?.supported) continue;
    const { supported: _s, wire: _w, ...rest } = support;
    fields.push({
      field,
      ...rest,
      ...(rest.callingHours ? { callingHours: { ...rest.callingHours } } : {}),
      ...(rest.requires ? { requires: [...rest.requires] } : {}),
    });
  }
  return {
    vendor: vendor.vendor,
    displayName: vendor.displayName,
    pause: operations.pauseCampaign.supported,
    resume: operations.resumeCampaign.supported,
    update: operations.updateCampaign.supported,
    fields,
  };
}

/** A typed error as the page shows it: code, field, and what was applied before it failed. */
export function boardError(error: unknown): BoardError {
  if (error instanceof UsageError) return { code: "VALIDATION", message: error.message };
  if (!isCampaignkitError(error)) return { code: "INTERNAL", message: "the board failed" };
  const details = error.details ?? {};
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((v) => typeof v === "string")
      ? [...(value as string[])]
      : undefined;
  const applied = strings(details.applied);
  const notSent = strings(details.notSent);
  const problems = Array.isArray(details.problems)
    ? (details.problems as { field: string; rule: string }[]).map(({ field, rule }) => ({
        field,
        rule,
      }))
    : undefined;
  return {
    code: error.code,
    message: error.message,
    vendor: error.vendor,
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
    ...(error.vendorCode !== undefined ? { vendorCode: error.vendorCode } : {}),
    ...(applied ? { applied } : {}),
    ...(typeof details.failed === "string" ? { failed: details.failed } : {}),
    ...(notSent ? { notSent } : {}),
    ...(problems ? { problems } : {}),
  };
}

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  VALIDATION: 422,
  UNSUPPORTED: 422,
  IMMUTABLE_FIELD: 422,
  CONFLICT: 409,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

/** Constant-time comparison of two tokens. */
function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = request.headers["content-type"] ?? "";
    if (!/^application\/json(;|$)/i.test(type)) {
      reject(new HttpRefusal(415, "send JSON (Content-Type: application/json)"));
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpRefusal(413, "request body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new HttpRefusal(400, "the body is not valid JSON"));
      }
    });
    request.on("error", reject);
  });
}

/** The page's action request, checked: a vendor of the board, an id, an action, assignments. */
function actionRequest(body: unknown, vendors: ReadonlyMap<string, BoardVendor>) {
  const input = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const { vendor, id, action, set } = input as Partial<BoardActionRequest>;
  const board = typeof vendor === "string" ? vendors.get(vendor) : undefined;
  if (!board) throw new HttpRefusal(400, "vendor is not one of the board's vendors");
  if (typeof id !== "string" || id === "" || id.length > 200)
    throw new HttpRefusal(400, "id must be a campaign id");
  if (action !== "update" && action !== "pause" && action !== "resume")
    throw new HttpRefusal(400, "action must be update, pause or resume");
  let patch: CampaignPatch | undefined;
  if (action === "update") {
    if (
      !Array.isArray(set) ||
      set.length > 32 ||
      !set.every((s) => typeof s === "string" && s.length <= 2000)
    )
      throw new HttpRefusal(400, "set must be a list of field=value assignments");
    if (set.length === 0)
      throw new UsageError("nothing to change: change at least one field of the form");
    patch = patchFromAssignments(board.vendor, set);
  }
  return { board, id, action, patch };
}

/**
 * The board's HTTP server: the page, its JSON API and its live stream, bound to 127.0.0.1 only.
 * Every request needs the session cookie (got once for the one-time token of `loginUrl`);
 * state-changing requests also need the session's CSRF token and the page's `Origin`.
 */
export async function startBoardServer(options: BoardServerOptions): Promise<BoardServer> {
  const scrub = options.scrub ?? ((text: string) => text);
  const pageDir = options.pageDir ?? fileURLToPath(new URL("../board-page/", import.meta.url));
  const page = new Map(
    Object.entries(PAGE_FILES).map(([path, { file, type }]) => [
      path,
      { body: readFileSync(`${pageDir}/${file}`), type },
    ]),
  );
  const vendors = new Map(options.vendors.map((v) => [v.vendor, v]));
  const loginToken = randomBytes(32).toString("base64url");
  let tokenUsed = false;
  const session = {
    id: randomBytes(32).toString("base64url"),
    csrf: randomBytes(32).toString("base64url"),
  };

  // What the board knows: campaigns by vendor and id, vendor health, the latest events.
  const campaigns = new Map<string, BoardCampaign>();
  const lastChange = new Map<string, string>();
  const health = new Map<string, BoardVendorHealth>(
    options.vendors.map((v) => [
      v.vendor,
      { vendor: v.vendor, displayName: v.displayName, outcome: "waiting", campaigns: 0 },
    ]),
  );
  const events: BoardEvent[] = [];
  const vendorErrors = new Map<string, { code: string; message: string }>();
  const keyOf = (vendor: string, id: string) => `${vendor}\u0000${id}`;

  const streams = new Set<ServerResponse>();
  const send = (type: string, data: unknown) => {
    const text = `event: ${type}\ndata: ${scrub(JSON.stringify(data))}\n\n`;
    for (const stream of streams) stream.write(text);
  };
  const healthList = () => [...health.values()];
  const sortedCampaigns = () => [...campaigns.values()];

  const store = memoryWatchStore();
  const upsert = (rows: BoardCampaign[], removed: { vendor: string; id: string }[]) => {
    if (rows.length > 0 || removed.length > 0) send("campaigns", { upsert: rows, removed });
  };
  const onRound = (report: RoundReport) => {
    const changed: BoardCampaign[] = [];
    const removed: { vendor: string; id: string }[] = [];
    for (const result of report.vendors) {
      const failing = store.vendorState(result.vendor)?.failing;
      const known = health.get(result.vendor);
      const error = failing
        ? (vendorErrors.get(result.vendor) ?? { code: failing.code, message: "" })
        : undefined;
      health.set(result.vendor, {
        vendor: result.vendor,
        displayName: known?.displayName ?? result.vendor,
        outcome: result.outcome,
        campaigns: result.campaigns,
        ...(error ? { error } : {}),
      });
      for (const [id, entry] of store.snapshotIndex(result.vendor)) {
        const key = keyOf(result.vendor, id);
        if (entry.removed) {
          if (campaigns.delete(key)) removed.push({ vendor: result.vendor, id });
          continue;
        }
        const snapshot = store.snapshot(result.vendor, id);
        if (!snapshot) continue;
        const row = boardCampaign(snapshot, lastChange.get(key));
        if (JSON.stringify(campaigns.get(key)) !== JSON.stringify(row)) {
          campaigns.set(key, row);
          changed.push(row);
        }
      }
    }
    upsert(changed, removed);
    send("health", { vendors: healthList() });
  };
  const onEvent = (event: WatchEvent) => {
    if (event.type === "watch.vendor_failed")
      vendorErrors.set(event.vendor, { code: event.error.code, message: event.error.message });
    if (event.type === "watch.vendor_recovered") vendorErrors.delete(event.vendor);
    const entry = describeBoardEvent(event);
    events.push(entry);
    if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
    if (entry.campaignId !== undefined)
      lastChange.set(keyOf(event.vendor, entry.campaignId), event.at);
    if ("campaign" in event && event.type !== "campaign.removed") {
      const row = boardCampaign(event.campaign, event.at);
      campaigns.set(keyOf(event.vendor, event.campaign.id), row);
      upsert([row], []);
    }
    send("event", entry);
  };

  const watching = new AbortController();
  const watchDone = (async () => {
    const watch = watchCampaigns({
      providers: options.vendors.map((v) => v.provider),
      interval: options.interval,
      store,
      signal: watching.signal,
      listConcurrency: Math.max(1, options.vendors.length),
      onRound,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    for await (const event of watch) onEvent(event);
  })().catch((error: unknown) => {
    if (!watching.signal.aborted) options.onWatchError?.(error);
  });

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const cookieName = () => `ck_board_${port}`;

  const answer = (
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    type = "application/json; charset=utf-8",
    extra: Record<string, string> = {},
  ) => {
    response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, ...extra });
    response.end(typeof body === "string" ? scrub(body) : body);
  };
  const json = (response: ServerResponse, status: number, value: unknown) =>
    answer(response, status, JSON.stringify(value));
  const refuse = (response: ServerResponse, status: number, message: string) =>
    json(response, status, { error: { code: "REFUSED", message } });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? "";
    // DNS rebinding: only the loopback names of this port.
    if (!allowedHosts().has(host)) return refuse(response, 403, "unknown Host");
    const url = new URL(request.url ?? "/", `http://${host}`);
    const method = request.method ?? "GET";
    const hasSession = sameToken(cookieOf(request, cookieName()), session.id);

    // The one-time token: exchanged for the session cookie, then gone from the URL.
    const token = url.searchParams.get("token");
    if (url.pathname === "/" && token !== null && method === "GET") {
      if (hasSession) return answer(response, 303, "", "text/plain", { Location: "/" });
      if (tokenUsed || !sameToken(token, loginToken))
        return answer(
          response,
          403,
          "This board link is wrong or was already used. Stop campaignkit board and start it again for a new link.\n",
          "text/plain; charset=utf-8",
        );
      tokenUsed = true;
      return answer(response, 303, "", "text/plain", {
        Location: "/",
        "Set-Cookie": `${cookieName()}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!hasSession)
      return url.pathname.startsWith("/api/")
        ? refuse(response, 401, "no board session: open the link campaignkit board printed")
        : answer(
            response,
            401,
            "No board session: open the link campaignkit board printed (it holds a one-time token).\n",
            "text/plain; charset=utf-8",
          );

    const file = page.get(url.pathname);
    if (file) {
      if (method !== "GET" && method !== "HEAD") return refuse(response, 405, "GET only");
      return answer(response, 200, file.body, file.type);
    }
    if (!url.pathname.startsWith("/api/")) return refuse(response, 404, "not found");
    // The API answers the page only: a cross-site fetch is refused even with the cookie.
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin")
      return refuse(response, 403, "cross-site request");

    if (method === "GET") {
      switch (url.pathname) {
        case "/api/session":
          return json(response, 200, {
            csrf: session.csrf,
            sandbox: Boolean(options.sandbox),
            interval: options.interval,
            vendors: healthList(),
          });
        case "/api/campaigns":
          return json(response, 200, { campaigns: sortedCampaigns(), vendors: healthList() });
        case "/api/events":
          return json(response, 200, { events });
        case "/api/capabilities":
          return json(response, 200, {
            vendors: options.vendors.map((v) => boardCapabilities(v)),
          });
        case "/api/stream": {
          response.writeHead(200, {
            ...SECURITY_HEADERS,
            "Content-Type": "text/event-stream; charset=utf-8",
            Connection: "keep-alive",
          });
          response.write(
            `retry: 2000\nevent: snapshot\ndata: ${scrub(JSON.stringify({ campaigns: sortedCampaigns(), vendors: healthList(), events }))}\n\n`,
          );
          streams.add(response);
          request.on("close", () => streams.delete(response));
          return;
        }
        default:
          return refuse(response, 404, "not found");
      }
    }
    if (method !== "POST") return refuse(response, 405, "GET or POST only");
    // A state-changing request: the page's Origin and the session's CSRF token.
    if (request.headers.origin !== `http://${host}`)
      return refuse(response, 403, "the Origin is not the board's");
    const csrf = request.headers[CSRF_HEADER];
    if (!sameToken(typeof csrf === "string" ? csrf : undefined, session.csrf))
      return refuse(response, 403, "missing or wrong CSRF token");
    if (url.pathname !== "/api/plan" && url.pathname !== "/api/apply")
      return refuse(response, 404, "not found");

    let checked: ReturnType<typeof actionRequest>;
    try {
      checked = actionRequest(await readJson(request), vendors);
    } catch (error) {
      if (error instanceof HttpRefusal) return refuse(response, error.status, error.message);
      return json(response, 422, { ok: false, error: boardError(error) });
    }
    const { board, id, action, patch } = checked;
    try {
      if (url.pathname === "/api/plan") {
        const requests = await board.planner.planUpdate(
          id,
          patch ?? { status: action === "pause" ? "paused" : "active" },
        );
        return json(response, 200, { requests });
      }
      let campaign: Campaign;
      if (action === "update" && patch)
        campaign = await board.provider.updateCampaign(id, patch, { signal: watching.signal });
      else {
        if (action === "pause") await board.provider.pauseCampaign(id, { signal: watching.signal });
        else await board.provider.resumeCampaign(id, { signal: watching.signal });
        campaign = await board.provider.getCampaign(id, { signal: watching.signal });
      }
      const row = boardCampaign(campaign, lastChange.get(keyOf(board.vendor, id)));
      campaigns.set(keyOf(board.vendor, id), row);
      upsert([row], []);
      return json(response, 200, { ok: true, campaign: row });
    } catch (error) {
      const shown = boardError(error);
      return json(response, STATUS_OF_CODE[shown.code] ?? 502, { ok: false, error: shown });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, "the board failed");
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": keep-alive\n\n");
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/`,
    loginUrl: `http://127.0.0.1:${port}/?token=${loginToken}`,
    port,
    async close() {
      clearInterval(heartbeat);
      watching.abort();
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await watchDone;
      store.close();
    },
  };
}
