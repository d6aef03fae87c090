import { CampaignkitError, resetCredentialGuard } from "@campaignkit/core";
import { type Route, readSpec, rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createAsisso } from "./asisso-provider.js";
import { asissoResponses } from "./asisso-responses.js";

// The tests share one key, and some are answered with a refusal of it (which latches it).
afterEach(() => {
  resetCredentialGuard("asisso", "as_secret_key");
});

const BASE = "/api/v1";
const campaign = (state: string, name = "Q2") => ({ id: 7, name, state, max_concurrency: 10 });
const ok = (body: unknown) => () => Response.json(body);
const SCHEDULE = {
  timezone: "Europe/Lisbon",
  callingHours: { daily: { start: "09:00", end: "17:00" } },
};

function setup(routes: Route[]) {
  const { fetch, requests } = scriptedFetch(routes);
  const provider = createAsisso({ apiKey: "as_secret_key", fetch, maxRetries: 0 });
  return {
    provider,
    requests,
    calls: () => requests.map((r) => `${r.method} ${new URL(r.url).pathname}`),
  };
}

const rejection = (promise: Promise<unknown>) => rejectedWith(promise, CampaignkitError);

describe("createAsisso().updateCampaign", () => {
  it("pauses first, then patches, and returns the campaign from the PATCH answer", async () => {
    const { provider, requests, calls } = setup([
      { method: "POST", path: `${BASE}/campaign/7/pause`, respond: ok({}) },
      {
        method: "PATCH",
        path: `${BASE}/campaign/7`,
        respond: ok({ ...campaign("paused", "New"), max_concurrency: 25 }),
      },
    ]);
    const result = await provider.updateCampaign("7", {
      status: "paused",
      name: "New",
      pacing: { maxConcurrentCalls: 25 },
    });
    expect(calls()).toEqual([`POST ${BASE}/campaign/7/pause`, `PATCH ${BASE}/campaign/7`]);
    expect(requests[0]?.body).toBeUndefined();
    expect(JSON.parse(requests[1]?.body ?? "")).toEqual({ name: "New", max_concurrency: 25 });
    expect(requests[1]?.headers["x-api-key"]).toBe("as_secret_key");
    expect(result).toMatchObject({
      vendor: "asisso",
      id: "7",
      name: "New",
      status: "paused",
      pacing: { maxConcurrentCalls: 25 },
    });
  });

  it("patches first, reads the state, then resumes, then reads the campaign back", async () => {
    const { provider, requests, calls } = setup([
      { method: "PATCH", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
      { method: "POST", path: `${BASE}/campaign/7/resume`, respond: ok({}) },
      { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
    ]);
    await provider.updateCampaign("7", {
      status: "active",
      schedule: SCHEDULE,
      redial: { maxRetries: 0 },
    });
    expect(calls()).toEqual([
      `PATCH ${BASE}/campaign/7`,
      `GET ${BASE}/campaign/7`,
      `POST ${BASE}/campaign/7/resume`,
      `GET ${BASE}/campaign/7`,
    ]);
    const body = JSON.parse(requests[0]?.body ?? "");
    expect(body.schedule_config).toMatchObject({ enabled: true, timezone: "Europe/Lisbon" });
    expect(body.schedule_config.slots).toHaveLength(7);
    expect(body.retry_config).toEqual({ enabled: false, max_retries: 0 });
  });

  it("changes only the status with one action and a read-back", async () => {
    const { provider, calls } = setup([
      { method: "POST", path: `${BASE}/campaign/7/pause`, respond: () => new Response(null) },
      { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
    ]);
    const result = await provider.updateCampaign("7", { status: "paused" });
    expect(calls()).toEqual([`POST ${BASE}/campaign/7/pause`, `GET ${BASE}/campaign/7`]);
    expect(result.status).toBe("paused");
  });

  it("says what was already applied when a later request fails", async () => {
    const { provider, calls } = setup([
      { method: "PATCH", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
      { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
      {
        method: "POST",
        path: `${BASE}/campaign/7/resume`,
        respond: () => Response.json({ detail: "Quota exhausted" }, { status: 402 }),
      },
    ]);
    const error = await rejection(provider.updateCampaign("7", { status: "active", name: "N" }));
    expect(calls()).toEqual([
      `PATCH ${BASE}/campaign/7`,
      `GET ${BASE}/campaign/7`,
      `POST ${BASE}/campaign/7/resume`,
    ]);
    expect(error).toMatchObject({ code: "QUOTA", httpStatus: 402 });
    expect(error.details).toMatchObject({
      vendorMessage: "Quota exhausted",
      applied: ["update the campaign's settings"],
      failed: "resume the campaign",
    });
  });

  it("keeps the pause as applied when the PATCH after it is refused", async () => {
    const { provider } = setup([
      { method: "POST", path: `${BASE}/campaign/7/pause`, respond: ok({}) },
      {
        method: "PATCH",
        path: `${BASE}/campaign/7`,
        respond: () =>
          Response.json(
            {
              detail: [{ loc: ["body", "max_concurrency"], msg: "too high", type: "value_error" }],
            },
            { status: 422 },
          ),
      },
    ]);
    const error = await rejection(
      provider.updateCampaign("7", { status: "paused", pacing: { maxConcurrentCalls: 50 } }),
    );
    expect(error).toMatchObject({ code: "VALIDATION", field: "max_concurrency", httpStatus: 422 });
    expect(error.details).toMatchObject({
      applied: ["pause the campaign"],
      failed: "update the campaign's settings",
    });
  });

  it("reports Asisso's refusal to update a running campaign with its message", async () => {
    const detail = "Campaign can only be updated in draft or paused state";
    const { provider, requests } = setup([
      {
        method: "PATCH",
        path: `${BASE}/campaign/7`,
        respond: () => Response.json({ detail }, { status: 409 }),
      },
    ]);
    const error = await rejection(provider.updateCampaign("7", { name: "N" }));
    expect(error).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect(error.details).toMatchObject({ vendorMessage: detail });
    expect(error.details).not.toHaveProperty("applied");
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ pacing: { callsPerMinute: 20 } }, "UNSUPPORTED", "pacing.callsPerMinute"],
    [{ pacing: { callsPerMinute: "max" } }, "UNSUPPORTED", "pacing.callsPerMinute"],
    [{ pacing: { maxConcurrentTransfers: 2 } }, "UNSUPPORTED", "pacing.maxConcurrentTransfers"],
    [{ schedule: { startDate: "2026-01-01" } }, "UNSUPPORTED", "schedule.startDate"],
    [{ schedule: { endDate: "2026-01-31" } }, "UNSUPPORTED", "schedule.endDate"],
    [{ pacing: { maxConcurrentCalls: 101 } }, "VALIDATION", "pacing.maxConcurrentCalls"],
    [{ pacing: { maxConcurrentCalls: 0 } }, "VALIDATION", "pacing.maxConcurrentCalls"],
    [{ name: "x".repeat(256) }, "VALIDATION", "name"],
    [{ name: "" }, "VALIDATION", "name"],
    [{ redial: { maxRetries: 11 } }, "VALIDATION", "redial.maxRetries"],
    [{ redial: { delaySeconds: 29 } }, "VALIDATION", "redial.delaySeconds"],
    [{ redial: { delaySeconds: 3601 } }, "VALIDATION", "redial.delaySeconds"],
    [{ schedule: { timezone: "UTC" } }, "VALIDATION", "schedule.timezone"],
    [{ schedule: { callingHours: SCHEDULE.callingHours } }, "VALIDATION", "schedule.callingHours"],
    [
      { schedule: { timezone: "+01:00", callingHours: SCHEDULE.callingHours } },
      "VALIDATION",
      "schedule.timezone",
    ],
    [
      {
        schedule: {
          timezone: "UTC",
          callingHours: {
            weekly: {
              mon: Array.from({ length: 51 }, (_, i) => ({
                start: `${String(Math.floor(i / 3)).padStart(2, "0")}:${String((i % 3) * 20).padStart(2, "0")}`,
                end: `${String(Math.floor(i / 3)).padStart(2, "0")}:${String((i % 3) * 20 + 10).padStart(2, "0")}`,
              })),
            },
          },
        },
      },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [
      { schedule: { timezone: "UTC", callingHours: { weekly: {} } } },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [{ status: "finished" }, "VALIDATION", "status"],
    [{ colour: "red" }, "VALIDATION", "colour"],
    [{}, "VALIDATION", "(patch)"],
  ])("refuses %j with %s on %s before any request", async (patch, code, field) => {
    const { provider, requests } = setup([]);
    const error = await rejection(provider.updateCampaign("7", patch as never));
    expect(error).toMatchObject({ code, field, vendor: "asisso" });
    await expect(provider.planUpdate("7", patch as never)).rejects.toMatchObject({ code, field });
    expect(requests).toHaveLength(0);
  });

  it("accepts the bounds themselves", async () => {
    const { provider } = setup([]);
    const plan = await provider.planUpdate("7", {
      name: "x".repeat(255),
      pacing: { maxConcurrentCalls: 100 },
      redial: { maxRetries: 10, delaySeconds: 30 },
    });
    expect(JSON.parse(plan[0]?.body ?? "")).toMatchObject({
      max_concurrency: 100,
      retry_config: { max_retries: 10, retry_delay_seconds: 30 },
    });
  });
});

describe("createAsisso", () => {
  it("reads a campaign from GET /campaign/{campaign_id} with the X-API-Key header", async () => {
    const { provider, requests } = setup([
      { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign("running")) },
    ]);
    const result = await provider.getCampaign("7");
    expect(requests[0]).toMatchObject({
      method: "GET",
      url: "https://app.asisso.com/api/v1/campaign/7",
      headers: expect.objectContaining({ "x-api-key": "as_secret_key" }),
    });
    expect(result).toMatchObject({ id: "7", status: "active", pacing: { maxConcurrentCalls: 10 } });
  });

  it("decodes the documented auth error", async () => {
    const { provider } = setup([
      {
        method: "GET",
        path: `${BASE}/campaign/7`,
        respond: () => Response.json({ detail: "Invalid or expired API key" }, { status: 401 }),
      },
    ]);
    const error = await rejection(provider.getCampaign("7"));
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
    expect(error.message).toContain("Invalid or expired API key");
    expect(error.message).not.toContain("as_secret_key");
  });

  it.each(["pause", "resume"] as const)(
    "treats a successful %s answer as success, whatever state the campaign was in",
    async (action) => {
      const { provider, calls } = setup([
        { method: "POST", path: `${BASE}/campaign/7/${action}`, respond: ok({}) },
        { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign("paused")) },
      ]);
      const call = action === "pause" ? provider.pauseCampaign("7") : provider.resumeCampaign("7");
      await expect(call).resolves.toBeUndefined();
      expect(calls().filter((c) => c.startsWith("POST"))).toEqual([
        `POST ${BASE}/campaign/7/${action}`,
      ]);
    },
  );

  it("decodes whatever Asisso answers to a repeated pause, and does not retry it", async () => {
    const { fetch, requests } = scriptedFetch([
      {
        method: "POST",
        path: `${BASE}/campaign/7/pause`,
        respond: () => Response.json({ detail: "Campaign is not running" }, { status: 400 }),
      },
    ]);
    const provider = createAsisso({ apiKey: "as_secret_key", fetch, maxRetries: 2 });
    const error = await rejection(provider.pauseCampaign("7"));
    expect(error).toMatchObject({ code: "VALIDATION", httpStatus: 400 });
    expect(error.details).toMatchObject({ vendorMessage: "Campaign is not running" });
    expect(requests).toHaveLength(1);
  });

  it("plans an update as plain data with the credential redacted, sending nothing", async () => {
    const { provider, requests } = setup([]);
    const plan = await provider.planUpdate("7", {
      status: "paused",
      pacing: { maxConcurrentCalls: 20 },
    });
    expect(requests).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toEqual([
      {
        method: "POST",
        url: "https://app.asisso.com/api/v1/campaign/7/pause",
        headers: expect.objectContaining({ "x-api-key": "REDACTED" }),
        purpose: "pause the campaign",
      },
      {
        method: "PATCH",
        url: "https://app.asisso.com/api/v1/campaign/7",
        headers: expect.objectContaining({
          "x-api-key": "REDACTED",
          "content-type": "application/json",
        }),
        body: '{"max_concurrency":20}',
        purpose: "update the campaign's settings",
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain("as_secret_key");
  });

  it.each(["abc", "0", "-1", "7.5", ""])(
    "refuses the id %j, which Asisso cannot address, before any request",
    async (id) => {
      const { provider, requests } = setup([]);
      for (const call of [
        provider.getCampaign(id),
        provider.updateCampaign(id, { name: "N" }),
        provider.pauseCampaign(id),
        provider.resumeCampaign(id),
        provider.planUpdate(id, { name: "N" }),
      ]) {
        expect(await rejection(call)).toMatchObject({ code: "VALIDATION", field: "id" });
      }
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    ["an empty object", {}],
    ["an array", [campaign("running")]],
    ["a campaign without an id", { ...campaign("running"), id: null }],
  ])("answers INVALID_RESPONSE for %s", async (_, body) => {
    const { provider } = setup([{ method: "GET", path: `${BASE}/campaign/7`, respond: ok(body) }]);
    expect((await rejection(provider.getCampaign("7"))).code).toBe("INVALID_RESPONSE");
  });

  it("answers INVALID_RESPONSE for a body that is not JSON", async () => {
    const { provider } = setup([
      { method: "GET", path: `${BASE}/campaign/7`, respond: () => new Response("<html>") },
    ]);
    expect((await rejection(provider.getCampaign("7"))).code).toBe("INVALID_RESPONSE");
  });

  it("lists every campaign of the one answer on the trailing-slash path, filtered by status", async () => {
    const { provider, calls } = setup([
      {
        method: "GET",
        path: `${BASE}/campaign/`,
        respond: ok({
          campaigns: [campaign("running"), { id: 8, state: "paused" }, { id: 9, state: "running" }],
        }),
      },
    ]);
    const all: string[] = [];
    for await (const c of provider.listCampaigns()) all.push(`${c.id}:${c.status}`);
    expect(all).toEqual(["7:active", "8:paused", "9:active"]);
    const active: string[] = [];
    for await (const c of provider.listCampaigns({ status: "active" })) active.push(c.id);
    expect(active).toEqual(["7", "9"]);
    expect(calls()).toEqual([`GET ${BASE}/campaign/`, `GET ${BASE}/campaign/`]);
  });

  it("answers INVALID_RESPONSE for a list without a campaigns array", async () => {
    const { provider } = setup([
      { method: "GET", path: `${BASE}/campaign/`, respond: ok({ items: [] }) },
    ]);
    const error = await rejection(
      (async () => {
        for await (const _ of provider.listCampaigns());
      })(),
    );
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("exposes the typed client", async () => {
    const { provider, calls } = setup([
      { method: "POST", path: `${BASE}/campaign/7/start`, respond: ok({}) },
    ]);
    await provider.client.POST("/campaign/{campaign_id}/start", {
      params: { path: { campaign_id: 7 } },
    });
    expect(calls()).toEqual([`POST ${BASE}/campaign/7/start`]);
  });
});

describe("asissoResponses", () => {
  it("has a reader for every operation of the spec", () => {
    expect(Object.keys(asissoResponses.campaignsFrom).sort()).toEqual(
      readSpec("asisso").operationIds,
    );
  });

  it("reads the campaigns of list, get and update answers, and none from actions", () => {
    const { campaignsFrom } = asissoResponses;
    expect(campaignsFrom.listCampaigns?.({ campaigns: [campaign("draft")] })).toMatchObject([
      { id: "7", status: "draft" },
    ]);
    expect(campaignsFrom.getCampaign?.(campaign("completed"))).toMatchObject([
      { status: "finished" },
    ]);
    expect(campaignsFrom.updateCampaign?.(campaign("failed"))).toMatchObject([
      { status: "failed" },
    ]);
    expect([
      campaignsFrom.startCampaign,
      campaignsFrom.pauseCampaign,
      campaignsFrom.resumeCampaign,
    ]).toEqual([null, null, null]);
  });
});

describe("createAsisso() sets a campaign running from the state it is in", () => {
  it.each([
    ["created", [`GET ${BASE}/campaign/7`, `POST ${BASE}/campaign/7/start`]],
    ["paused", [`GET ${BASE}/campaign/7`, `POST ${BASE}/campaign/7/resume`]],
    ["running", [`GET ${BASE}/campaign/7`]],
    ["syncing", [`GET ${BASE}/campaign/7`]],
  ])("from %s", async (state, expected) => {
    const { provider, calls } = setup([
      { method: "GET", path: `${BASE}/campaign/7`, respond: ok(campaign(state)) },
      { method: "POST", path: `${BASE}/campaign/7/start`, respond: ok({}) },
      { method: "POST", path: `${BASE}/campaign/7/resume`, respond: ok({}) },
    ]);
    await provider.resumeCampaign("7");
    expect(calls()).toEqual(expected);
  });
});
