import { CampaignkitError, resetCredentialGuard } from "@campaignkit/core";
import { type Route, rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createVelip } from "./velip-provider.js";

// The tests share one key, and some are answered with a refusal of it (which latches it).
afterEach(() => {
  resetCredentialGuard("velip", "velip-tsid-0001");
});

const BASE = "/api/v2";
const CHANGE = `${BASE}/ChangeCampaign.php`;
const LIST = `${BASE}/GetCampaignsList.php`;
const OK = { status: "OK", status_code: "0" };
const campaign = (active: string, name = "Welcome 2026", id: number | string = 987654) => ({
  cp_id: id,
  cp_name: name,
  "cp_active ": active,
  cp_time_start: "09:00",
  cp_time_end: "20:00",
  cp_lig_min: "max",
  cp_pas: "null",
});
const answer =
  (...campaigns: unknown[]) =>
  () =>
    Response.json({ return: OK, campaigns });
const velipError = (status: number, status_code: string, message: string) => () =>
  Response.json({ return: { status: message, status_code } }, { status });

function setup(routes: Route[], maxRetries = 0) {
  const { fetch, requests } = scriptedFetch(routes);
  const provider = createVelip({ apiKey: "velip-tsid-0001", fetch, maxRetries });
  return {
    provider,
    requests,
    calls: () => requests.map((r) => `${r.method} ${new URL(r.url).pathname}`),
    bodies: () => requests.map((r) => JSON.parse(r.body ?? "null")),
  };
}

const rejection = (promise: Promise<unknown>) => rejectedWith(promise, CampaignkitError);

describe("createVelip().getCampaign", () => {
  it("reads one campaign with GetCampaignsList and cp_id, as JSON with a Bearer token", async () => {
    const { provider, requests, calls, bodies } = setup([
      { method: "POST", path: LIST, respond: answer(campaign("1")) },
    ]);
    const result = await provider.getCampaign("987654");
    expect(calls()).toEqual([`POST ${LIST}`]);
    expect(bodies()).toEqual([{ cp_id: 987654 }]);
    expect(requests[0]?.headers).toMatchObject({
      authorization: "Bearer velip-tsid-0001",
      "content-type": "application/json",
    });
    expect(result).toMatchObject({
      vendor: "velip",
      id: "987654",
      name: "Welcome 2026",
      status: "active",
      schedule: { callingHours: { daily: { start: "09:00", end: "20:00" } } },
      pacing: { callsPerMinute: "max" },
    });
  });

  it("answers NOT_FOUND when the answer holds no such campaign", async () => {
    const { provider } = setup([{ method: "POST", path: LIST, respond: answer() }]);
    expect(await rejection(provider.getCampaign("987654"))).toMatchObject({
      code: "NOT_FOUND",
      vendor: "velip",
    });
    const other = setup([{ method: "POST", path: LIST, respond: answer(campaign("1", "x", 5)) }]);
    expect((await rejection(other.provider.getCampaign("987654"))).code).toBe("NOT_FOUND");
  });

  it.each([["abc"], ["0"], ["-1"], ["1.5"], [""]])(
    "refuses the id %j before any request",
    async (id) => {
      const { provider, requests } = setup([]);
      expect(await rejection(provider.getCampaign(id))).toMatchObject({
        code: "VALIDATION",
        field: "id",
      });
      expect(await rejection(provider.pauseCampaign(id))).toMatchObject({ code: "VALIDATION" });
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    ["a body that is not JSON", () => new Response("<html>oops</html>", { status: 200 })],
    ["campaigns that is not an array", () => Response.json({ return: OK, campaigns: {} })],
    ["a body without the return envelope", () => Response.json({ campaigns: [] })],
    ["a campaign without cp_id", () => Response.json({ return: OK, campaigns: [{}] })],
  ])("answers INVALID_RESPONSE for %s", async (_, respond) => {
    const { provider } = setup([{ method: "POST", path: LIST, respond }]);
    expect((await rejection(provider.getCampaign("987654"))).code).toBe("INVALID_RESPONSE");
  });

  it("never retries an auth lock (131), even with retries on", async () => {
    const { provider, requests } = setup(
      [{ method: "POST", path: LIST, respond: velipError(401, "131", "locked") }],
      2,
    );
    expect(await rejection(provider.getCampaign("987654"))).toMatchObject({
      code: "AUTH",
      vendorCode: "131",
      retryable: false,
      httpStatus: 401,
    });
    expect(requests).toHaveLength(1);
  });
});

describe("createVelip().listCampaigns", () => {
  it("lists with one request of maxreg 500 and filters by normalized status", async () => {
    const { provider, calls, bodies } = setup([
      {
        method: "POST",
        path: LIST,
        respond: answer(campaign("1", "a", 3), campaign("0", "b", 2), campaign("1", "c", 1)),
      },
    ]);
    const seen: string[] = [];
    for await (const c of provider.listCampaigns({ status: "active" })) seen.push(c.id);
    expect(seen).toEqual(["3", "1"]);
    expect(calls()).toEqual([`POST ${LIST}`]);
    expect(bodies()).toEqual([{ maxreg: 500 }]);
  });

  it("yields all 500 rows of a full answer, then fails with UNSUPPORTED", async () => {
    const rows = Array.from({ length: 500 }, (_, i) => campaign("1", `c${i}`, 500 - i));
    const { provider, requests } = setup([
      { method: "POST", path: LIST, respond: answer(...rows) },
    ]);
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const c of provider.listCampaigns()) seen.push(c.id);
      })(),
    );
    expect(seen).toHaveLength(500);
    expect(error.code).toBe("UNSUPPORTED");
    expect(requests).toHaveLength(1);
  });

  it("maps GetCampaignsList's internal error (500) to a retryable VENDOR error", async () => {
    const { provider } = setup([
      { method: "POST", path: LIST, respond: velipError(400, "500", "internal error") },
    ]);
    const error = await rejection(
      (async () => {
        for await (const _ of provider.listCampaigns()) break;
      })(),
    );
    expect(error).toMatchObject({ code: "VENDOR", vendorCode: "500", retryable: true });
  });
});

describe("createVelip().updateCampaign", () => {
  it("sends one ChangeCampaign with every field and returns the campaign from its answer", async () => {
    const { provider, calls, bodies } = setup([
      { method: "POST", path: CHANGE, respond: answer(campaign("0", "Wave 2")) },
    ]);
    const result = await provider.updateCampaign("987654", {
      name: "Wave 2",
      status: "paused",
      schedule: {
        startDate: "2026-05-08",
        endDate: "2026-05-31",
        callingHours: { daily: { start: "09:00", end: "20:00" } },
      },
      pacing: { callsPerMinute: 30, maxConcurrentTransfers: 2 },
    });
    expect(calls()).toEqual([`POST ${CHANGE}`]);
    expect(bodies()).toEqual([
      {
        cp_id: 987654,
        name: "Wave 2",
        active: 0,
        date_start: "2026-05-08",
        date_end: "2026-05-31",
        time_start: "09:00:00",
        time_end: "20:00:00",
        lig_min: "30",
        pas: 2,
      },
    ]);
    expect(result).toMatchObject({ id: "987654", name: "Wave 2", status: "paused" });
  });

  it("treats 230 (Parameters without change) as success and reads the campaign back", async () => {
    const { provider, calls, bodies } = setup([
      {
        method: "POST",
        path: CHANGE,
        respond: velipError(400, "230", "Parameters without change"),
      },
      { method: "POST", path: LIST, respond: answer(campaign("0")) },
    ]);
    const result = await provider.updateCampaign("987654", { status: "paused" });
    expect(calls()).toEqual([`POST ${CHANGE}`, `POST ${LIST}`]);
    expect(bodies()).toEqual([{ cp_id: 987654, active: 0 }, { cp_id: 987654 }]);
    expect(result).toMatchObject({ id: "987654", status: "paused" });
  });

  it("reads the campaign back when a success answer holds no campaign", async () => {
    const { provider, calls } = setup([
      { method: "POST", path: CHANGE, respond: () => Response.json({ return: OK }) },
      { method: "POST", path: LIST, respond: answer(campaign("1", "New")) },
    ]);
    const result = await provider.updateCampaign("987654", { name: "New" });
    expect(calls()).toEqual([`POST ${CHANGE}`, `POST ${LIST}`]);
    expect(result.name).toBe("New");
  });

  it("says the change was applied when reading it back fails", async () => {
    const { provider } = setup([
      {
        method: "POST",
        path: CHANGE,
        respond: velipError(400, "230", "Parameters without change"),
      },
      { method: "POST", path: LIST, respond: velipError(400, "500", "internal error") },
    ]);
    const error = await rejection(provider.updateCampaign("987654", { name: "Same" }));
    expect(error).toMatchObject({ code: "VENDOR", vendorCode: "500", retryable: true });
    expect(error.details).toMatchObject({
      applied: ["change the campaign"],
      failed: "read the campaign back",
    });
  });

  it.each([
    [400, "200", "No cp_id", "VALIDATION"],
    [400, "210", "No new parameters", "VALIDATION"],
    [400, "212", "cp_id no valid", "NOT_FOUND"],
    [200, "212", "cp_id no valid", "NOT_FOUND"],
    [401, "199", "banned", "AUTH"],
  ])(
    "fails on HTTP %i code %s with %s… → %s, with nothing applied",
    async (status, code, message, expected) => {
      const { provider, requests } = setup([
        { method: "POST", path: CHANGE, respond: velipError(status, code, message) },
      ]);
      const error = await rejection(provider.updateCampaign("987654", { name: "x" }));
      expect(error).toMatchObject({ code: expected, vendorCode: code, httpStatus: status });
      expect(error.details?.applied).toBeUndefined();
      expect(requests).toHaveLength(1);
    },
  );

  it("sends a weekly schedule that is one window every day as time_start/time_end", async () => {
    const { provider, bodies } = setup([
      { method: "POST", path: CHANGE, respond: answer(campaign("1")) },
    ]);
    const w = [{ start: "09:00", end: "20:00" }];
    await provider.updateCampaign("987654", {
      schedule: {
        callingHours: { weekly: { mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w } },
      },
    });
    expect(bodies()).toEqual([{ cp_id: 987654, time_start: "09:00:00", time_end: "20:00:00" }]);
  });

  const weekdaysOnly = { mon: [{ start: "09:00", end: "17:00" }] };
  it.each([
    [{ schedule: { timezone: "America/Sao_Paulo" } }, "UNSUPPORTED", "schedule.timezone"],
    [{ pacing: { maxConcurrentCalls: 10 } }, "UNSUPPORTED", "pacing.maxConcurrentCalls"],
    [{ redial: { maxRetries: 2 } }, "UNSUPPORTED", "redial.maxRetries"],
    [{ redial: { delaySeconds: 60 } }, "UNSUPPORTED", "redial.delaySeconds"],
    [{ redial: { onBusy: true } }, "UNSUPPORTED", "redial.onBusy"],
    [{ redial: { onNoAnswer: true } }, "UNSUPPORTED", "redial.onNoAnswer"],
    [{ redial: { onVoicemail: false } }, "UNSUPPORTED", "redial.onVoicemail"],
    [{ name: "x".repeat(51) }, "VALIDATION", "name"],
    [{ pacing: { callsPerMinute: 0 } }, "VALIDATION", "pacing.callsPerMinute"],
    [{ pacing: { maxConcurrentTransfers: 0 } }, "VALIDATION", "pacing.maxConcurrentTransfers"],
    [
      { schedule: { callingHours: { weekly: weekdaysOnly } } },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [
      { schedule: { callingHours: { daily: { start: "20:00", end: "09:00" } } } },
      "VALIDATION",
      "schedule.callingHours.daily.end",
    ],
    [{ schedule: { startDate: "2026-02-30" } }, "VALIDATION", "schedule.startDate"],
    [{ status: "draft" }, "VALIDATION", "status"],
    [{ colour: "red" }, "VALIDATION", "colour"],
    [{}, "VALIDATION", "(patch)"],
  ])("refuses %j with %s on %s before any request", async (patch, code, field) => {
    const { provider, requests } = setup([]);
    const error = await rejection(provider.updateCampaign("987654", patch as never));
    expect(error).toMatchObject({ code, field, vendor: "velip" });
    await expect(provider.planUpdate("987654", patch as never)).rejects.toMatchObject({
      code,
      field,
    });
    expect(requests).toHaveLength(0);
  });

  it("accepts the longest name and the smallest bounds", async () => {
    const { provider, bodies } = setup([
      { method: "POST", path: CHANGE, respond: answer(campaign("1")) },
    ]);
    await provider.updateCampaign("987654", {
      name: "x".repeat(50),
      pacing: { callsPerMinute: 1, maxConcurrentTransfers: 1 },
    });
    expect(bodies()).toEqual([{ cp_id: 987654, name: "x".repeat(50), lig_min: "1", pas: 1 }]);
  });
});

describe("createVelip().pauseCampaign and resumeCampaign", () => {
  it("pauses with active 0 and resumes with active 1", async () => {
    const { provider, calls, bodies } = setup([
      { method: "POST", path: CHANGE, respond: answer(campaign("0")) },
    ]);
    await expect(provider.pauseCampaign("987654")).resolves.toBeUndefined();
    await expect(provider.resumeCampaign("987654")).resolves.toBeUndefined();
    expect(calls()).toEqual([`POST ${CHANGE}`, `POST ${CHANGE}`]);
    expect(bodies()).toEqual([
      { cp_id: 987654, active: 0 },
      { cp_id: 987654, active: 1 },
    ]);
  });

  it("succeeds when the campaign is already in that state (230)", async () => {
    const { provider, requests } = setup([
      {
        method: "POST",
        path: CHANGE,
        respond: velipError(400, "230", "Parameters without change"),
      },
    ]);
    await expect(provider.pauseCampaign("987654")).resolves.toBeUndefined();
    await expect(provider.resumeCampaign("987654")).resolves.toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it("fails on a campaign of another account (212)", async () => {
    const { provider } = setup([
      { method: "POST", path: CHANGE, respond: velipError(400, "212", "cp_id no valid") },
    ]);
    expect(await rejection(provider.resumeCampaign("987654"))).toMatchObject({
      code: "NOT_FOUND",
      vendorCode: "212",
    });
  });
});

describe("createVelip().planUpdate", () => {
  it("plans one ChangeCampaign as plain data with the token redacted, sending nothing", async () => {
    const { provider, requests } = setup([]);
    const plan = await provider.planUpdate("987654", {
      status: "paused",
      schedule: { callingHours: { daily: { start: "09:00", end: "20:00" } } },
      pacing: { callsPerMinute: "max" },
    });
    expect(requests).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toEqual([
      {
        method: "POST",
        url: "https://vox.velip.com.br/api/v2/ChangeCampaign.php",
        headers: expect.objectContaining({
          authorization: "Bearer REDACTED",
          "content-type": "application/json",
        }),
        body: '{"cp_id":987654,"active":0,"time_start":"09:00:00","time_end":"20:00:00","lig_min":"max"}',
        purpose: "change the campaign",
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain("velip-tsid-0001");
  });

  it("uses the account's own base URL", async () => {
    const { fetch } = scriptedFetch([]);
    const provider = createVelip({
      apiKey: "k-0123456789",
      fetch,
      baseURL: "https://acme.velip.com.br/api/v2/",
    });
    const [request] = await provider.planUpdate("5", { name: "n" });
    expect(request?.url).toBe("https://acme.velip.com.br/api/v2/ChangeCampaign.php");
  });
});

describe("createVelip", () => {
  it("exposes the typed client and the capabilities it enforces", async () => {
    const { provider, requests } = setup([
      { method: "POST", path: LIST, respond: answer(campaign("2")) },
    ]);
    const { data } = await provider.client.POST("/GetCampaignsList.php", {
      body: { type: "on" },
    });
    expect(data?.campaigns?.[0]?.["cp_active "]).toBe("2");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ type: "on" });
    expect(provider.vendor).toBe("velip");
    expect(provider.capabilities.patch["schedule.timezone"].supported).toBe(false);
  });
});
