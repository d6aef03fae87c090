import { CampaignkitError, PATCH_FIELDS, resetCredentialGuard } from "@campaignkit/core";
import { type Route, rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createConvoso } from "./convoso-provider.js";

const TOKEN = "convoso-secret-token";

// The tests share one key, and some are answered with a refusal of it (which latches it).
afterEach(() => {
  resetCredentialGuard("convoso", TOKEN);
});
const SEARCH = "/v1/campaigns/search";
const STATUS = "/v1/campaigns/status";
const campaign = (id: string, status: string, name = `Campaign ${id}`) => ({
  id,
  name,
  status,
  last_call_date: { date: "2026-03-03", timezone_type: 3, timezone: "America/Denver" },
});
const ok = (body: unknown) => () => Response.json(body);
const searchAnswer = (...data: unknown[]) => ok({ success: true, code: 200, data });

function setup(routes: Route[]) {
  const { fetch, requests } = scriptedFetch(routes);
  const provider = createConvoso({ apiKey: TOKEN, fetch, maxRetries: 0 });
  return {
    provider,
    requests,
    calls: () => requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.body}`),
  };
}

const rejection = (promise: Promise<unknown>) => rejectedWith(promise, CampaignkitError);

describe("createConvoso().getCampaign", () => {
  it("searches once, with the token in the form body only, and picks the campaign by id", async () => {
    const { provider, requests } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: searchAnswer(campaign("111", "Y"), campaign("222", "N")),
      },
    ]);
    const result = await provider.getCampaign("222");
    expect(requests).toEqual([
      {
        method: "POST",
        url: "https://api.convoso.com/v1/campaigns/search",
        headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }),
        body: `auth_token=${TOKEN}`,
      },
    ]);
    expect(result).toEqual({
      vendor: "convoso",
      id: "222",
      name: "Campaign 222",
      status: "paused",
      raw: campaign("222", "N"),
    });
  });

  it("answers NOT_FOUND when the search does not hold the id", async () => {
    const { provider, requests } = setup([
      { method: "POST", path: SEARCH, respond: searchAnswer(campaign("111", "Y")) },
    ]);
    expect(await rejection(provider.getCampaign("999"))).toMatchObject({
      code: "NOT_FOUND",
      vendor: "convoso",
    });
    expect(requests).toHaveLength(1);
  });

  it("answers NOT_FOUND for error 6026, which arrives with HTTP 200", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: ok({ success: false, code: 6026, error: "Invalid campaign ID" }),
      },
    ]);
    expect(await rejection(provider.getCampaign("111"))).toMatchObject({
      code: "NOT_FOUND",
      httpStatus: 200,
      vendorCode: 6026,
      details: { vendorMessage: "Invalid campaign ID" },
    });
  });

  it.each([{ success: true }, { success: true, data: "none" }])(
    "answers INVALID_RESPONSE for a search answer without a data array: %j",
    async (body) => {
      const { provider } = setup([{ method: "POST", path: SEARCH, respond: ok(body) }]);
      expect((await rejection(provider.getCampaign("111"))).code).toBe("INVALID_RESPONSE");
    },
  );

  it("answers INVALID_RESPONSE for a body that is not JSON", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: () => new Response("<html>", { headers: { "content-type": "application/json" } }),
      },
    ]);
    expect((await rejection(provider.getCampaign("111"))).code).toBe("INVALID_RESPONSE");
  });

  it.each(["", "   "])("refuses the id %j before any request", async (id) => {
    const { provider, requests } = setup([]);
    expect(await rejection(provider.getCampaign(id))).toMatchObject({
      code: "VALIDATION",
      field: "id",
    });
    expect(await rejection(provider.pauseCampaign(id))).toMatchObject({ code: "VALIDATION" });
    expect(requests).toHaveLength(0);
  });

  it("keeps the token out of an error, even when Convoso echoes it", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: () =>
          Response.json(
            { success: false, error: `Invalid authentication token ${TOKEN}` },
            { status: 401 },
          ),
      },
    ]);
    const error = await rejection(provider.getCampaign("111"));
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.details)).not.toContain(TOKEN);
    expect(error.details?.vendorMessage).toBe("Invalid authentication token REDACTED");
  });
});

describe("createConvoso().listCampaigns", () => {
  it("yields every campaign of one search, filtered by normalized status", async () => {
    const { provider, requests } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: searchAnswer(campaign("111", "Y"), campaign("222", "N"), campaign("333", "Y")),
      },
    ]);
    const all: string[] = [];
    for await (const c of provider.listCampaigns()) all.push(c.id);
    const active: string[] = [];
    for await (const c of provider.listCampaigns({ status: "active" })) active.push(c.id);
    expect(all).toEqual(["111", "222", "333"]);
    expect(active).toEqual(["111", "333"]);
    expect(requests).toHaveLength(2);
  });

  it("fails with the decoded business error instead of yielding nothing", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: SEARCH,
        respond: ok({ success: false, error: "Insufficient permissions" }),
      },
    ]);
    const error = await rejection(
      (async () => {
        for await (const _ of provider.listCampaigns()) {
          /* none */
        }
      })(),
    );
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 200 });
  });
});

describe("createConvoso().updateCampaign", () => {
  it("sets the status, then reads the campaign back with a search", async () => {
    const { provider, calls } = setup([
      { method: "POST", path: STATUS, respond: ok({ success: true }) },
      { method: "POST", path: SEARCH, respond: searchAnswer(campaign("111", "N")) },
    ]);
    const result = await provider.updateCampaign("111", { status: "paused" });
    expect(calls()).toEqual([
      `POST ${STATUS} campaign_id=111&status=false&auth_token=${TOKEN}`,
      `POST ${SEARCH} auth_token=${TOKEN}`,
    ]);
    expect(result).toMatchObject({ vendor: "convoso", id: "111", status: "paused" });
  });

  it("sends status=true to make a campaign active", async () => {
    const { provider, requests } = setup([
      { method: "POST", path: STATUS, respond: ok({ success: true, code: 200 }) },
      { method: "POST", path: SEARCH, respond: searchAnswer(campaign("111", "Y")) },
    ]);
    expect((await provider.updateCampaign("111", { status: "active" })).status).toBe("active");
    expect(requests[0]?.body).toBe(`campaign_id=111&status=true&auth_token=${TOKEN}`);
  });

  it("says the status change was applied when the read-back fails", async () => {
    const { provider } = setup([
      { method: "POST", path: STATUS, respond: ok({ success: true }) },
      { method: "POST", path: SEARCH, respond: () => Response.json({}, { status: 500 }) },
    ]);
    const error = await rejection(provider.updateCampaign("111", { status: "paused" }));
    expect(error).toMatchObject({ code: "VENDOR", httpStatus: 500, retryable: true });
    expect(error.details).toMatchObject({
      applied: ["deactivate the campaign"],
      failed: "read the campaign back",
    });
  });

  it("says the status change was applied when the read-back lacks the campaign", async () => {
    const { provider } = setup([
      { method: "POST", path: STATUS, respond: ok({ success: true }) },
      { method: "POST", path: SEARCH, respond: searchAnswer(campaign("222", "Y")) },
    ]);
    const error = await rejection(provider.updateCampaign("111", { status: "active" }));
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      details: { applied: ["activate the campaign"] },
    });
  });

  it.each([
    [{ success: false, code: 6026, error: "Invalid campaign ID" }, "NOT_FOUND", 6026],
    [{ success: false, error: "Campaign not found" }, "NOT_FOUND", undefined],
    [{ success: false, code: 6080, error: "Invalid status value" }, "VALIDATION", 6080],
    [{ success: false, error: "Status must be true or false" }, "VALIDATION", undefined],
  ])(
    "stops at a failed status change %j (%s), applying nothing",
    async (body, code, vendorCode) => {
      const { provider, calls } = setup([
        { method: "POST", path: STATUS, respond: ok(body) },
        { method: "POST", path: SEARCH, respond: searchAnswer(campaign("111", "Y")) },
      ]);
      const error = await rejection(provider.updateCampaign("111", { status: "paused" }));
      expect(error).toMatchObject({ code, vendorCode, httpStatus: 200 });
      expect(error.details?.applied).toBeUndefined();
      expect(calls()).toHaveLength(1);
    },
  );

  const unsupported = PATCH_FIELDS.filter((field) => field !== "status");
  const patchFor: Record<string, unknown> = {
    name: { name: "Renamed" },
    "schedule.timezone": { schedule: { timezone: "America/Denver" } },
    "schedule.startDate": { schedule: { startDate: "2026-04-01" } },
    "schedule.endDate": { schedule: { endDate: "2026-04-30" } },
    "schedule.callingHours": {
      schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
    },
    "pacing.callsPerMinute": { pacing: { callsPerMinute: 10 } },
    "pacing.maxConcurrentCalls": { pacing: { maxConcurrentCalls: 5 } },
    "pacing.maxConcurrentTransfers": { pacing: { maxConcurrentTransfers: 2 } },
    "redial.maxRetries": { redial: { maxRetries: 3 } },
    "redial.delaySeconds": { redial: { delaySeconds: 60 } },
    "redial.onBusy": { redial: { onBusy: true } },
    "redial.onNoAnswer": { redial: { onNoAnswer: false } },
    "redial.onVoicemail": { redial: { onVoicemail: true } },
  };

  it("has a sample patch for every field it refuses", () => {
    expect(Object.keys(patchFor).sort()).toEqual([...unsupported].sort());
  });

  it.each(unsupported)("refuses %s with UNSUPPORTED before any request", async (field) => {
    const { provider, requests } = setup([]);
    const patch = patchFor[field] as never;
    const error = await rejection(provider.updateCampaign("111", patch));
    expect(error).toMatchObject({ code: "UNSUPPORTED", field, vendor: "convoso" });
    expect(error.message).toContain("Convoso documents no endpoint");
    await expect(provider.planUpdate("111", patch)).rejects.toMatchObject({
      code: "UNSUPPORTED",
      field,
    });
    expect(requests).toHaveLength(0);
  });

  it("refuses a status change that comes with a rename, naming `name`", async () => {
    const { provider, requests } = setup([]);
    const error = await rejection(
      provider.updateCampaign("111", { status: "paused", name: "Renamed" }),
    );
    expect(error).toMatchObject({ code: "UNSUPPORTED", field: "name" });
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ status: "finished" }, "status"],
    [{ status: true }, "status"],
    [{ name: "" }, "name"],
    [{ colour: "red" }, "colour"],
    [{}, "(patch)"],
  ])("refuses %j with VALIDATION on %s before any request", async (patch, field) => {
    const { provider, requests } = setup([]);
    const error = await rejection(provider.updateCampaign("111", patch as never));
    expect(error).toMatchObject({ code: "VALIDATION", field, vendor: "convoso" });
    await expect(provider.planUpdate("111", patch as never)).rejects.toMatchObject({
      code: "VALIDATION",
      field,
    });
    expect(requests).toHaveLength(0);
  });
});

describe("createConvoso", () => {
  it.each([
    ["pauseCampaign", "false"],
    ["resumeCampaign", "true"],
  ] as const)(
    "%s sends status=%s and resolves, whatever state the campaign was in",
    async (method, flag) => {
      // Convoso answers {"success": true}; it documents no error for a campaign already there.
      const { provider, calls } = setup([
        { method: "POST", path: STATUS, respond: ok({ success: true }) },
      ]);
      await expect(provider[method]("111")).resolves.toBeUndefined();
      await expect(provider[method]("111")).resolves.toBeUndefined();
      expect(calls()).toEqual([
        `POST ${STATUS} campaign_id=111&status=${flag}&auth_token=${TOKEN}`,
        `POST ${STATUS} campaign_id=111&status=${flag}&auth_token=${TOKEN}`,
      ]);
    },
  );

  it("fails a pause with the decoded business error", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: STATUS,
        respond: ok({ success: false, code: 6026, error: "Invalid campaign ID" }),
      },
    ]);
    expect(await rejection(provider.pauseCampaign("999"))).toMatchObject({
      code: "NOT_FOUND",
      vendorCode: 6026,
    });
  });

  it("plans an update as plain data with the token redacted, sending nothing", async () => {
    const { provider, requests } = setup([]);
    const plan = await provider.planUpdate("111", { status: "paused" });
    expect(requests).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toEqual([
      {
        method: "POST",
        url: "https://api.convoso.com/v1/campaigns/status",
        headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }),
        body: "campaign_id=111&status=false&auth_token=REDACTED",
        purpose: "deactivate the campaign",
      },
      {
        method: "POST",
        url: "https://api.convoso.com/v1/campaigns/search",
        headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }),
        body: "auth_token=REDACTED",
        purpose: "read the campaign back",
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain(TOKEN);
  });

  it("exposes the typed client and capabilities that refuse every field but status", () => {
    const { provider } = setup([]);
    expect(typeof provider.client.POST).toBe("function");
    const supported = Object.entries(provider.capabilities.patch)
      .filter(([, support]) => support.supported)
      .map(([field]) => field);
    expect(supported).toEqual(["status"]);
    expect(Object.values(provider.capabilities.operations).every((op) => op.supported)).toBe(true);
  });
});
