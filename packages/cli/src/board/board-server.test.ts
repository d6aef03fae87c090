import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SANDBOX_API_KEYS, type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvider, loadVendors, VENDORS, type VendorId } from "../vendor-loader.js";
import type { BoardCampaigns } from "./api-types.js";
import { type BoardServer, type BoardVendor, startBoardServer } from "./board-server.js";

const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "board-page");
// Convoso is given a canary credential the sandbox refuses: it must never reach a response.
const CANARY = "ck-canary-b0a7d5e1c9";
const SECRETS = [...Object.values(SANDBOX_API_KEYS), CANARY];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Every answer of this file, for the credential scan. */
const answers: Answer[] = [];

let sandbox: Sandbox;
let board: BoardServer;
let host: string;

/** A real HTTP request to the board (fetch would not let a test set Host or Origin freely). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: board.port,
        path,
        method: options.method ?? "GET",
        headers: { Host: host, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => {
          const answer = { status: res.statusCode ?? 0, headers: res.headers, body };
          answers.push(answer);
          resolve(answer);
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Resolves once the live stream shows every vendor's first round done (snapshot or health). */
function firstRound(cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: board.port,
        path: "/api/stream",
        headers: { Host: host, Cookie: cookie },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => {
          text += chunk;
          for (const block of text.split("\n\n")) {
            const whole = block.startsWith("event: health") || block.includes("event: snapshot");
            if (whole && block.includes("\ndata: ") && !block.includes('"outcome":"waiting"')) {
              answers.push({ status: res.statusCode ?? 0, headers: res.headers, body: text });
              req.destroy();
              resolve(text);
              return;
            }
          }
        });
      },
    );
    req.on("error", (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

let cookie = "";
let csrf = "";

beforeAll(async () => {
  sandbox = await startSandbox();
  await loadVendors(VENDORS);
  const vendors: BoardVendor[] = VENDORS.map((vendor: VendorId) => {
    const settings = {
      ...sandbox.vendors[vendor],
      ...(vendor === "convoso" ? { apiKey: CANARY } : {}),
    };
    return {
      vendor,
      displayName: vendor,
      provider: createProvider(vendor, settings),
      planner: createProvider(vendor, { ...settings, apiKey: "REDACTED" }),
    };
  });
  board = await startBoardServer({
    vendors,
    interval: 1000,
    pageDir: PAGE_DIR,
    // One round only: the watcher's clock never wakes (the test does not wait on time).
    clock: {
      now: () => Date.now(),
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve())),
    },
  });
  host = `127.0.0.1:${board.port}`;
});

afterAll(async () => {
  await board?.close();
  await sandbox?.close();
});

describe("campaignkit board's server: the session", () => {
  it("listens on 127.0.0.1 only", async () => {
    expect(board.url).toBe(`http://127.0.0.1:${board.port}/`);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === "IPv4")
      .map((i) => i?.address as string);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: board.port });
        socket.on("connect", () => {
          socket.destroy();
          resolve(false);
        });
        socket.on("error", () => resolve(true));
      });
      expect(refused, `reachable on ${address}`).toBe(true);
    }
  });

  it("refuses every path without the session, with no campaign data", async () => {
    for (const path of [
      "/",
      "/app.js",
      "/style.css",
      "/api/session",
      "/api/campaigns",
      "/api/events",
      "/api/capabilities",
      "/api/stream",
    ]) {
      const answer = await send(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body).not.toContain('campaign":');
      expect(answer.headers["set-cookie"]).toBeUndefined();
    }
    const post = await send("/api/apply", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: `http://${host}` },
      body: JSON.stringify({ vendor: "altur", id: "1234", action: "pause" }),
    });
    expect(post.status).toBe(401);
  });

  it("refuses a wrong token, exchanges the right one once for an HttpOnly SameSite=Strict cookie", async () => {
    const wrong = await send("/?token=not-the-token");
    expect(wrong.status).toBe(403);
    expect(wrong.headers["set-cookie"]).toBeUndefined();

    const token = new URL(board.loginUrl).searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThanOrEqual(40);
    const login = await send(`/?token=${token}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe("/"); // the token leaves the URL
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(token);
    cookie = setCookie.split(";")[0] as string;

    const again = await send(`/?token=${token}`);
    expect(again.status).toBe(403); // one time only
    const page = await send("/", { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js"></script>');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/); // no inline script

    const forged = await send("/api/session", { headers: { Cookie: `${cookie}x` } });
    expect(forged.status).toBe(401);
    const session = await send("/api/session", { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
    csrf = (JSON.parse(session.body) as { csrf: string }).csrf;
    expect(csrf.length).toBeGreaterThanOrEqual(40);
  });

  it("refuses another Host (DNS rebinding) and a cross-site API read, even with the cookie", async () => {
    const rebound = await send("/api/campaigns", {
      headers: { Cookie: cookie, Host: `evil.example:${board.port}` },
    });
    expect(rebound.status).toBe(403);
    const crossSite = await send("/api/campaigns", {
      headers: { Cookie: cookie, "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("sends the security headers on every answer", async () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers.filter((a) => a.status !== 0)) {
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});

describe("campaignkit board's server: state-changing requests", () => {
  const pause = JSON.stringify({ vendor: "altur", id: "1234", action: "pause" });
  const alturStatus = () =>
    (sandbox.campaigns("altur") as { id: number; status: string }[]).find((c) => c.id === 1234)
      ?.status;

  it("needs the CSRF token and the board's Origin", async () => {
    expect(alturStatus()).toBe("active");
    const json = { "Content-Type": "application/json", Cookie: cookie };
    const cases: [string, Record<string, string>][] = [
      ["no CSRF token", { ...json, Origin: `http://${host}` }],
      ["a wrong CSRF token", { ...json, Origin: `http://${host}`, "X-CSRF-Token": `${csrf}x` }],
      ["no Origin", { ...json, "X-CSRF-Token": csrf }],
      ["another Origin", { ...json, "X-CSRF-Token": csrf, Origin: "http://evil.example" }],
      ["another port's Origin", { ...json, "X-CSRF-Token": csrf, Origin: "http://127.0.0.1:1" }],
    ];
    for (const [what, headers] of cases) {
      const answer = await send("/api/apply", { method: "POST", headers, body: pause });
      expect(answer.status, what).toBe(403);
    }
    const form = await send("/api/apply", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: cookie,
        "X-CSRF-Token": csrf,
        Origin: `http://${host}`,
      },
      body: "vendor=altur",
    });
    expect(form.status).toBe(415);
    expect(alturStatus()).toBe("active"); // nothing was sent to the vendor
  });

  const post = (path: string, body: unknown) =>
    send(path, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: cookie,
        "X-CSRF-Token": csrf,
        Origin: `http://${host}`,
      },
      body: JSON.stringify(body),
    });

  it("lists the campaigns of every vendor from the watcher, the refused one as failing", async () => {
    await firstRound(cookie);
    const answer = await send("/api/campaigns", { headers: { Cookie: cookie } });
    const data = JSON.parse(answer.body) as BoardCampaigns;
    expect(new Set(data.campaigns.map((c) => c.vendor))).toEqual(
      new Set(["altur", "asisso", "velip", "voxo"]),
    );
    expect(data.campaigns.find((c) => c.vendor === "altur" && c.id === "1237")).toMatchObject({
      status: "paused",
      vendorStatus: "inactive",
    });
    const convoso = data.vendors.find((v) => v.vendor === "convoso");
    expect(convoso?.outcome).not.toBe("complete");
    expect(convoso?.error?.code).toBe("AUTH");
    expect(answer.body).not.toContain('"raw"');
  });

  it("plans with credentials redacted, then applies a pause", async () => {
    const plan = await post("/api/plan", { vendor: "altur", id: "1234", action: "pause" });
    expect(plan.status).toBe(200);
    const { requests } = JSON.parse(plan.body) as { requests: { url: string }[] };
    expect(requests.map((r) => r.url).join(" ")).toContain("/campaigns/1234/pause");
    expect(plan.body).toContain("REDACTED");
    expect(alturStatus()).toBe("active"); // a plan sends nothing

    const applied = await post("/api/apply", { vendor: "altur", id: "1234", action: "pause" });
    expect(applied.status).toBe(200);
    expect(JSON.parse(applied.body)).toMatchObject({
      ok: true,
      campaign: { vendor: "altur", id: "1234", status: "paused", vendorStatus: "inactive" },
    });
    expect(alturStatus()).toBe("inactive");
  });

  it("answers a bad value or an unsupported field with the typed error and its field", async () => {
    const bad = await post("/api/plan", {
      vendor: "altur",
      id: "1234",
      action: "update",
      set: ["schedule.callingHours=17:00-09:00"],
    });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body).error).toMatchObject({
      code: "VALIDATION",
      field: "schedule.callingHours",
    });
    const unsupported = await post("/api/apply", {
      vendor: "convoso",
      id: "111",
      action: "update",
      set: ["schedule.timezone=Europe/Lisbon"],
    });
    expect(unsupported.status).toBe(422);
    expect(JSON.parse(unsupported.body).error).toMatchObject({
      code: "UNSUPPORTED",
      field: "schedule.timezone",
    });
    const unknownVendor = await post("/api/apply", { vendor: "nobody", id: "1", action: "pause" });
    expect(unknownVendor.status).toBe(400);
  });

  it("shows what a multi-request update applied before it failed", async () => {
    // Asisso pauses before its PATCH: the pause goes through, the PATCH is refused.
    sandbox.injectFaults(
      "asisso",
      { kind: "latency", ms: 0 },
      { kind: "status", status: 400, body: '{"detail":"refused by the test"}' },
    );
    const answer = await post("/api/apply", {
      vendor: "asisso",
      id: "124",
      action: "update",
      set: ["status=paused", "name=Renamed by the board"],
    });
    const { error } = JSON.parse(answer.body) as {
      error: { applied?: string[]; failed?: string; code: string };
    };
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(error.applied?.join(" ")).toContain("pause");
    expect(error.failed).toBe("update the campaign's settings");
    const wire = (
      sandbox.campaigns("asisso") as { id: number; state: string; name: string }[]
    ).find((c) => c.id === 124);
    expect(wire).toMatchObject({ state: "paused" });
    expect(wire?.name).not.toBe("Renamed by the board");
  });

  it("never sends a credential to the browser", async () => {
    const capabilities = await send("/api/capabilities", { headers: { Cookie: cookie } });
    expect(capabilities.status).toBe(200);
    const convosoPlan = await post("/api/plan", { vendor: "convoso", id: "111", action: "pause" });
    expect(convosoPlan.status).toBe(200);
    await firstRound(cookie);
    expect(answers.length).toBeGreaterThan(25);
    for (const answer of answers) {
      const text = `${JSON.stringify(answer.headers)}\n${answer.body}`;
      for (const secret of SECRETS) {
        expect(text.includes(secret), `a credential in an answer (${answer.status})`).toBe(false);
        expect(text.includes(encodeURIComponent(secret))).toBe(false);
      }
    }
  });
});
