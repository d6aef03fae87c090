import { CampaignkitError, PATCH_FIELDS, PROVIDER_OPERATIONS } from "@campaignkit/core";
import { type Route, rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { voxoCapabilities } from "./voxo-capabilities.js";
import { createVoxo, type VoxoSettings } from "./voxo-provider.js";

const BASE = "/v2";
const TOKEN = "voxo-secret-token";
const campaign = (state: string, name = "Renewals", extra: object = {}) => ({
  id: 7,
  tenantId: 42,
  name,
  state,
  timezone: "America/New_York",
  callHoursStart: null,
  callHoursEnd: null,
  ...extra,
});
const ok = (body: unknown) => () => Response.json(body);
const patchRoute = (respond: Route["respond"]): Route => ({
  method: "PATCH",
  path: `${BASE}/admin/call-campaigns/7`,
  respond,
});

function setup(routes: Route[], extra: Partial<VoxoSettings> = { tenantId: 42 }) {
  const { fetch, requests } = scriptedFetch(routes);
  const provider = createVoxo({ apiKey: TOKEN, fetch, maxRetries: 0, ...extra });
  return {
    provider,
    requests,
    calls: () =>
      requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`),
    bodies: () => requests.map((r) => (r.body === undefined ? undefined : JSON.parse(r.body))),
  };
}

const rejection = (promise: Promise<unknown>) => rejectedWith(promise, CampaignkitError);

async function collect(iterable: AsyncIterable<{ id: string }>, seen: string[] = []) {
  for await (const item of iterable) seen.push(item.id);
  return seen;
}

describe("voxoCapabilities", () => {
  it("declares every operation and every patch field, with a reason for each refusal", () => {
    expect(Object.keys(voxoCapabilities.operations).sort()).toEqual(
      [...PROVIDER_OPERATIONS].sort(),
    );
    expect(Object.keys(voxoCapabilities.patch).sort()).toEqual([...PATCH_FIELDS].sort());
    for (const support of Object.values(voxoCapabilities.patch)) {
      if (!support.supported) expect(support.note).toMatch(/\w/);
    }
  });

  it("declares VOXO's bounds: a 3-character name, one daily window, nothing for pacing or redial", () => {
    const { patch } = voxoCapabilities;
    expect(patch.name).toMatchObject({ supported: true, wire: "name", minLength: 3 });
    expect(patch["schedule.callingHours"].callingHours).toEqual({
      daily: true,
      weekly: "same-every-day",
    });
    const supported = Object.entries(patch)
      .filter(([, support]) => support.supported)
      .map(([field]) => field);
    expect(supported).toEqual([
      "name",
      "status",
      "schedule.timezone",
      "schedule.startDate",
      "schedule.endDate",
      "schedule.callingHours",
    ]);
  });
});

describe("createVoxo().updateCampaign", () => {
  it("sends one PATCH with state and settings together, and returns its answer", async () => {
    const { provider, requests, calls, bodies } = setup([
      patchRoute(
        ok(
          campaign("PAUSED", "Wave 2", {
            timezone: "Europe/Lisbon",
            dateStart: "2026-01-05",
            dateEnd: "2026-02-27",
            callHoursStart: "09:00",
            callHoursEnd: "18:00",
          }),
        ),
      ),
    ]);
    const result = await provider.updateCampaign("7", {
      status: "paused",
      name: "Wave 2",
      schedule: {
        timezone: "Europe/Lisbon",
        startDate: "2026-01-05",
        endDate: "2026-02-27",
        callingHours: { daily: { start: "09:00", end: "18:00" } },
      },
    });
    expect(calls()).toEqual([`PATCH ${BASE}/admin/call-campaigns/7`]);
    expect(requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
    });
    expect(bodies()).toEqual([
      {
        name: "Wave 2",
        state: "PAUSED",
        timezone: "Europe/Lisbon",
        dateStart: "2026-01-05",
        dateEnd: "2026-02-27",
        callHoursStart: "09:00",
        callHoursEnd: "18:00",
      },
    ]);
    expect(result).toMatchObject({
      vendor: "voxo",
      id: "7",
      name: "Wave 2",
      status: "paused",
      schedule: {
        timezone: "Europe/Lisbon",
        startDate: "2026-01-05",
        endDate: "2026-02-27",
        callingHours: { daily: { start: "09:00", end: "18:00" } },
      },
    });
  });

  it("resumes through the same PATCH, with state READY", async () => {
    const { provider, calls, bodies } = setup([patchRoute(ok(campaign("READY")))]);
    const result = await provider.updateCampaign("7", { status: "active" });
    expect(calls()).toEqual([`PATCH ${BASE}/admin/call-campaigns/7`]);
    expect(bodies()).toEqual([{ state: "READY" }]);
    expect(result.status).toBe("active");
  });

  it("fails as a whole, with nothing already applied, since it is a single request", async () => {
    const { provider, requests } = setup([
      patchRoute(() => Response.json({ message: "name is too short" }, { status: 422 })),
    ]);
    const error = await rejection(provider.updateCampaign("7", { name: "Wave 2" }));
    expect(error).toMatchObject({ code: "VALIDATION", httpStatus: 422, vendor: "voxo" });
    expect(error.details).toMatchObject({
      operationId: "updateCallCampaign",
      vendorMessage: "name is too short",
    });
    expect(error.details).not.toHaveProperty("applied");
    expect(requests).toHaveLength(1);
  });

  it("answers INVALID_RESPONSE when the PATCH answer is not a campaign", async () => {
    const { provider } = setup([patchRoute(ok({ success: true }))]);
    expect((await rejection(provider.updateCampaign("7", { name: "Wave 2" }))).code).toBe(
      "INVALID_RESPONSE",
    );
  });

  const everyDay = (start: string, end: string) =>
    Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ start, end }]]),
    );

  it.each([
    [{ pacing: { callsPerMinute: 20 } }, "UNSUPPORTED", "pacing.callsPerMinute"],
    [{ pacing: { callsPerMinute: "max" } }, "UNSUPPORTED", "pacing.callsPerMinute"],
    [{ pacing: { maxConcurrentCalls: 5 } }, "UNSUPPORTED", "pacing.maxConcurrentCalls"],
    [{ pacing: { maxConcurrentTransfers: 2 } }, "UNSUPPORTED", "pacing.maxConcurrentTransfers"],
    [{ redial: { maxRetries: 2 } }, "UNSUPPORTED", "redial.maxRetries"],
    [{ redial: { delaySeconds: 60 } }, "UNSUPPORTED", "redial.delaySeconds"],
    [{ redial: { onBusy: true } }, "UNSUPPORTED", "redial.onBusy"],
    [{ redial: { onNoAnswer: false } }, "UNSUPPORTED", "redial.onNoAnswer"],
    [{ redial: { onVoicemail: true } }, "UNSUPPORTED", "redial.onVoicemail"],
    [{ name: "Q2", redial: { maxRetries: 1 } }, "VALIDATION", "name"],
    [{ name: "ab" }, "VALIDATION", "name"],
    [
      { schedule: { callingHours: { weekly: { mon: [{ start: "09:00", end: "17:00" }] } } } },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [
      {
        schedule: {
          callingHours: {
            weekly: { ...everyDay("09:00", "17:00"), sun: [{ start: "10:00", end: "14:00" }] },
          },
        },
      },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [
      {
        schedule: {
          callingHours: {
            weekly: {
              ...everyDay("09:00", "12:00"),
              mon: [
                { start: "09:00", end: "12:00" },
                { start: "13:00", end: "17:00" },
              ],
            },
          },
        },
      },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [{ schedule: { timezone: "+01:00" } }, "VALIDATION", "schedule.timezone"],
    [{ schedule: { startDate: "2026-02-30" } }, "VALIDATION", "schedule.startDate"],
    [
      { schedule: { startDate: "2026-03-01", endDate: "2026-02-01" } },
      "VALIDATION",
      "schedule.endDate",
    ],
    [{ status: "finished" }, "VALIDATION", "status"],
    [{ colour: "red" }, "VALIDATION", "colour"],
    [{}, "VALIDATION", "(patch)"],
  ])("refuses %j with %s on %s before any request", async (patch, code, field) => {
    const { provider, requests } = setup([patchRoute(ok(campaign("READY")))]);
    const error = await rejection(provider.updateCampaign("7", patch as never));
    expect(error).toMatchObject({ code, field, vendor: "voxo" });
    await expect(provider.planUpdate("7", patch as never)).rejects.toMatchObject({ code, field });
    expect(requests).toHaveLength(0);
  });

  it("accepts a weekly schedule that is the same single window every day", async () => {
    const { provider, bodies } = setup([patchRoute(ok(campaign("READY")))]);
    await provider.updateCampaign("7", {
      schedule: { callingHours: { weekly: everyDay("08:30", "16:45") } },
    });
    expect(bodies()).toEqual([{ callHoursStart: "08:30", callHoursEnd: "16:45" }]);
  });
});

describe("createVoxo: pause and resume", () => {
  it("pauses with a PATCH of state PAUSED", async () => {
    const { provider, calls, bodies } = setup([patchRoute(ok(campaign("PAUSED")))]);
    await expect(provider.pauseCampaign("7")).resolves.toBeUndefined();
    expect(calls()).toEqual([`PATCH ${BASE}/admin/call-campaigns/7`]);
    expect(bodies()).toEqual([{ state: "PAUSED" }]);
  });

  it("resumes with a PATCH of state READY", async () => {
    const { provider, bodies } = setup([patchRoute(ok(campaign("READY")))]);
    await expect(provider.resumeCampaign("7")).resolves.toBeUndefined();
    expect(bodies()).toEqual([{ state: "READY" }]);
  });

  it("treats pausing a paused campaign as success, sending the same absolute state", async () => {
    const { provider, bodies } = setup([patchRoute(ok(campaign("PAUSED")))]);
    await provider.pauseCampaign("7");
    await provider.pauseCampaign("7");
    expect(bodies()).toEqual([{ state: "PAUSED" }, { state: "PAUSED" }]);
  });

  it("passes a vendor failure on, decoded by HTTP status", async () => {
    const { provider } = setup([patchRoute(() => new Response("Forbidden", { status: 403 }))]);
    expect(await rejection(provider.resumeCampaign("7"))).toMatchObject({
      code: "AUTH",
      httpStatus: 403,
      details: expect.objectContaining({ vendorMessage: "Forbidden" }),
    });
  });
});

describe("createVoxo: reads", () => {
  it("gets one campaign through the legacy read", async () => {
    const { provider, calls } = setup([
      {
        method: "GET",
        path: `${BASE}/call-campaigns/7`,
        respond: ok(campaign("READY", "Renewals", { dateStart: "2026-01-05" })),
      },
    ]);
    expect(await provider.getCampaign("7")).toMatchObject({
      vendor: "voxo",
      id: "7",
      name: "Renewals",
      status: "active",
      schedule: { timezone: "America/New_York", startDate: "2026-01-05" },
    });
    expect(calls()).toEqual([`GET ${BASE}/call-campaigns/7`]);
  });

  it("answers NOT_FOUND, with VOXO's message, for a 404", async () => {
    const { provider } = setup([
      {
        method: "GET",
        path: `${BASE}/call-campaigns/7`,
        respond: () => Response.json({ error: "Campaign not found" }, { status: 404 }),
      },
    ]);
    expect(await rejection(provider.getCampaign("7"))).toMatchObject({
      code: "NOT_FOUND",
      httpStatus: 404,
      details: expect.objectContaining({ vendorMessage: "Campaign not found" }),
    });
  });

  it.each([
    ["a body without a campaign id", ok({ success: true })],
    ["a list where one campaign was expected", ok([campaign("READY")])],
    ["a body that is not JSON", () => new Response("<html>", { status: 200 })],
  ])("answers INVALID_RESPONSE for %s", async (_, respond) => {
    const { provider } = setup([{ method: "GET", path: `${BASE}/call-campaigns/7`, respond }]);
    expect((await rejection(provider.getCampaign("7"))).code).toBe("INVALID_RESPONSE");
  });

  it.each(["abc", "0", "-7", "7.5", " 7", ""])(
    "refuses the id %j before any request",
    async (id) => {
      const { provider, requests } = setup([]);
      for (const call of [
        provider.getCampaign(id),
        provider.updateCampaign(id, { name: "Wave 2" }),
        provider.pauseCampaign(id),
        provider.resumeCampaign(id),
        provider.planUpdate(id, { name: "Wave 2" }),
      ]) {
        expect(await rejection(call)).toMatchObject({ code: "VALIDATION", field: "id" });
      }
      expect(requests).toHaveLength(0);
    },
  );

  it("lists the tenant's campaigns from the bare array, filtering by status", async () => {
    const { provider, calls } = setup([
      {
        method: "GET",
        path: `${BASE}/call-campaigns`,
        respond: ok([
          campaign("READY"),
          { ...campaign("PAUSED"), id: 8 },
          { ...campaign("READY"), id: 9 },
          { ...campaign("<string>"), id: 10 },
        ]),
      },
    ]);
    expect(await collect(provider.listCampaigns({ status: "active" }))).toEqual(["7", "9"]);
    expect(calls()).toEqual([`GET ${BASE}/call-campaigns?tenantId=42`]);
    expect(await collect(provider.listCampaigns())).toEqual(["7", "8", "9", "10"]);
  });

  it("refuses to list without a tenantId, before any request", async () => {
    const { provider, requests } = setup([], {});
    const error = await rejection(collect(provider.listCampaigns()));
    expect(error).toMatchObject({ code: "VALIDATION", field: "tenantId", vendor: "voxo" });
    expect(requests).toHaveLength(0);
  });

  it.each([0, -1, 1.5, "42"])("refuses tenantId %j when the provider is created", (tenantId) => {
    expect(() => createVoxo({ apiKey: TOKEN, tenantId: tenantId as number })).toThrow(
      expect.objectContaining({ code: "VALIDATION", field: "tenantId" }),
    );
  });

  it("answers INVALID_RESPONSE when the list is not a bare array", async () => {
    const { provider } = setup([
      {
        method: "GET",
        path: `${BASE}/call-campaigns`,
        respond: ok({ campaigns: [campaign("READY")] }),
      },
    ]);
    expect((await rejection(collect(provider.listCampaigns()))).code).toBe("INVALID_RESPONSE");
  });
});

describe("createVoxo().planUpdate", () => {
  it("plans an update as plain data with the token redacted, sending nothing", async () => {
    const { provider, requests } = setup([]);
    const plan = await provider.planUpdate("7", {
      status: "paused",
      schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
    });
    expect(requests).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toEqual([
      {
        method: "PATCH",
        url: "https://api.voxo.co/v2/admin/call-campaigns/7",
        headers: expect.objectContaining({
          authorization: "Bearer REDACTED",
          "content-type": "application/json",
        }),
        body: '{"state":"PAUSED","callHoursStart":"09:00","callHoursEnd":"17:00"}',
        purpose: "update the campaign",
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain(TOKEN);
  });
});

describe("createVoxo() with patch.vendor.voxo (the documented fields beyond the normalized patch)", () => {
  it("merges them into the same PATCH, checked against the spec, and shows them in the plan", async () => {
    const { provider, requests } = setup([patchRoute(ok(campaign("ACTIVE", "Wave 2")))]);
    const patch = {
      name: "Wave 2",
      vendor: { voxo: { recording: "yes", callerId: "5551234567" }, velip: { max_answered: 9 } },
    } as const;
    const [planned] = await provider.planUpdate("7", patch);
    expect(JSON.parse(planned?.body ?? "{}")).toEqual({
      name: "Wave 2",
      recording: "yes",
      callerId: "5551234567",
    });
    await provider.updateCampaign("7", patch);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]?.body ?? "{}")).toEqual({
      name: "Wave 2",
      recording: "yes",
      callerId: "5551234567",
    });
  });

  it("refuses a value against the spec's rule, or an undocumented field, naming it, before any request", async () => {
    const { provider, requests } = setup([]);
    await expect(
      provider.updateCampaign("7", { vendor: { voxo: { callerId: "123" } } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "vendor.voxo.callerId",
      message: expect.stringContaining("must match"),
    });
    await expect(
      provider.updateCampaign("7", { vendor: { voxo: { colour: "red" } } } as never),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "vendor.voxo.colour",
      message: expect.stringContaining("not a documented writable field"),
    });
    await expect(
      provider.updateCampaign("7", { vendor: { velip: { max_answered: 9 } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "(patch)" });
    expect(requests).toHaveLength(0);
  });
});
