import { CampaignkitError, CampaignPatchSchema, parseCampaignPatch } from "@campaignkit/core";
import { type Route, rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { describe, expect, it, vi } from "vitest";
import { createAltur } from "./altur-provider.js";

const BASE = "/api/v1.0";
const campaign = (status: string, name = "Q2") => ({ id: 7, name, status });
const ok = (body: unknown) => () => Response.json(body);

function setup(routes: Route[]) {
  const { fetch, requests } = scriptedFetch(routes);
  const provider = createAltur({ apiKey: "altur-key", fetch, maxRetries: 0 });
  return {
    provider,
    requests,
    calls: () => requests.map((r) => `${r.method} ${new URL(r.url).pathname}`),
  };
}

const rejection = (promise: Promise<unknown>) => rejectedWith(promise, CampaignkitError);

describe("createAltur().updateCampaign", () => {
  it("pauses first, then patches, and returns the campaign from the PATCH answer", async () => {
    const { provider, requests, calls } = setup([
      { method: "POST", path: `${BASE}/campaigns/7/pause`, respond: ok({}) },
      {
        method: "PATCH",
        path: `${BASE}/campaigns/7`,
        respond: ok({ success: true, campaign: campaign("inactive", "New") }),
      },
    ]);
    const result = await provider.updateCampaign("7", { status: "paused", name: "New" });
    expect(calls()).toEqual([`POST ${BASE}/campaigns/7/pause`, `PATCH ${BASE}/campaigns/7`]);
    expect(JSON.parse(requests[1]?.body ?? "")).toEqual({ name: "New" });
    expect(result).toMatchObject({ vendor: "altur", id: "7", name: "New", status: "paused" });
  });

  it("patches first, then resumes, and reads the campaign from the resume's answer", async () => {
    const { provider, calls } = setup([
      {
        method: "PATCH",
        path: `${BASE}/campaigns/7`,
        respond: ok({ success: true, campaign: campaign("inactive") }),
      },
      {
        method: "POST",
        path: `${BASE}/campaigns/7/resume`,
        respond: ok({ success: true, campaign: campaign("active") }),
      },
    ]);
    const result = await provider.updateCampaign("7", {
      status: "active",
      redial: { maxRetries: 3 },
    });
    expect(calls()).toEqual([`PATCH ${BASE}/campaigns/7`, `POST ${BASE}/campaigns/7/resume`]);
    expect(result.status).toBe("active");
  });

  it("says what was already applied when a later request fails", async () => {
    const { provider } = setup([
      {
        method: "PATCH",
        path: `${BASE}/campaigns/7`,
        respond: ok({ success: true, campaign: campaign("pending") }),
      },
      {
        method: "POST",
        path: `${BASE}/campaigns/7/resume`,
        respond: () =>
          Response.json(
            {
              error: "INVALID_STATUS_TRANSITION",
              current_status: "finished",
              valid_targets: [],
            },
            { status: 409 },
          ),
      },
    ]);
    const error = await rejection(provider.updateCampaign("7", { status: "active", name: "N" }));
    expect(error).toMatchObject({
      code: "CONFLICT",
      vendorCode: "INVALID_STATUS_TRANSITION",
      httpStatus: 409,
    });
    expect(error.details).toMatchObject({
      applied: ["update the campaign's settings"],
      failed: "resume the campaign",
    });
  });

  it.each([
    [{ pacing: { callsPerMinute: 20 } }, "UNSUPPORTED", "pacing.callsPerMinute"],
    [{ schedule: { startDate: "2026-01-01" } }, "UNSUPPORTED", "schedule.startDate"],
    [{ redial: { maxRetries: 6 } }, "VALIDATION", "redial.maxRetries"],
    [{ name: "x".repeat(256) }, "VALIDATION", "name"],
    [
      {
        schedule: {
          callingHours: {
            weekly: {
              mon: [
                { start: "09:00", end: "10:00" },
                { start: "11:00", end: "12:00" },
              ],
            },
          },
        },
      },
      "VALIDATION",
      "schedule.callingHours",
    ],
    [{ schedule: { timezone: "+01:00" } }, "VALIDATION", "schedule.timezone"],
    [{ colour: "red" }, "VALIDATION", "colour"],
    [{}, "VALIDATION", "(patch)"],
  ])("refuses %j with %s on %s before any request", async (patch, code, field) => {
    const { provider, requests } = setup([]);
    const error = await rejection(provider.updateCampaign("7", patch as never));
    expect(error).toMatchObject({ code, field, vendor: "altur" });
    await expect(provider.planUpdate("7", patch as never)).rejects.toMatchObject({ code, field });
    expect(requests).toHaveLength(0);
  });
});

describe("createAltur", () => {
  it("treats pausing a paused campaign as success (Altur's documented no-op)", async () => {
    const { provider, calls } = setup([
      { method: "POST", path: `${BASE}/campaigns/7/pause`, respond: ok({}) },
    ]);
    await expect(provider.pauseCampaign("7")).resolves.toBeUndefined();
    expect(calls()).toEqual([`POST ${BASE}/campaigns/7/pause`]);
  });

  it("plans an update as plain data with the credential redacted, sending nothing", async () => {
    const { provider, requests } = setup([]);
    const plan = await provider.planUpdate("7", { status: "paused", name: "New" });
    expect(requests).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toEqual([
      {
        method: "POST",
        url: "https://api.altur.io/api/v1.0/campaigns/7/pause",
        headers: expect.objectContaining({ authorization: "api-key REDACTED" }),
        purpose: "pause the campaign",
      },
      {
        method: "PATCH",
        url: "https://api.altur.io/api/v1.0/campaigns/7",
        headers: expect.objectContaining({
          authorization: "api-key REDACTED",
          "content-type": "application/json",
        }),
        body: '{"name":"New"}',
        purpose: "update the campaign's settings",
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain("altur-key");
    const resume = await provider.planUpdate("7", { status: "active" });
    expect(resume.map((r) => `${r.method} ${r.purpose}`)).toEqual(["POST resume the campaign"]);
  });

  it("refuses an id Altur cannot address", async () => {
    const { provider, requests } = setup([]);
    expect(await rejection(provider.getCampaign("abc"))).toMatchObject({
      code: "VALIDATION",
      field: "id",
    });
    expect(requests).toHaveLength(0);
  });

  it("answers INVALID_RESPONSE for a body without a campaign", async () => {
    const { provider } = setup([
      { method: "GET", path: `${BASE}/campaigns/7`, respond: ok({ success: true }) },
    ]);
    expect((await rejection(provider.getCampaign("7"))).code).toBe("INVALID_RESPONSE");
  });

  it("lists campaigns, filters by status, and fails loudly when a next page exists", async () => {
    const { provider } = setup([
      {
        method: "GET",
        path: `${BASE}/campaigns`,
        respond: ok({
          total_count: 3,
          campaigns: [campaign("active"), { id: 8, status: "inactive" }],
          pagination: { has_next: true, next_cursor: "c2" },
        }),
      },
    ]);
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const c of provider.listCampaigns({ status: "active" })) seen.push(c.id);
      })(),
    );
    expect(seen).toEqual(["7"]);
    expect(error.code).toBe("UNSUPPORTED");
  });
});

describe("createAltur() with patch.vendor.altur", () => {
  it("refuses the fields Altur documents as immutable, naming them, before any request", async () => {
    const sent: Request[] = [];
    const altur = createAltur({
      apiKey: "altur-test-key",
      maxRetries: 0,
      fetch: async (request: Request) => {
        sent.push(request);
        return Response.json({});
      },
    });
    for (const [own, field] of [
      [{ agent_id: "a" }, "vendor.altur.agent_id"],
      [{ cycles: { enabled: true } }, "vendor.altur.cycles.enabled"],
    ] as const) {
      await expect(
        altur.updateCampaign("1234", { vendor: { altur: own as never } }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        field,
        message: expect.stringContaining("is immutable"),
      });
    }
    expect(sent).toEqual([]);
  });
});

describe("createAltur() sets a campaign running as the user means it, from every Altur status", () => {
  const refused = (current: string) => () =>
    Response.json(
      { error: "INVALID_STATUS_TRANSITION", current_status: current, valid_targets: [] },
      { status: 409 },
    );
  const resume = (respond: Route["respond"]): Route => ({
    method: "POST",
    path: `${BASE}/campaigns/7/resume`,
    respond,
  });

  it("resumes an inactive campaign with one request", async () => {
    const { provider, calls } = setup([
      resume(ok({ success: true, campaign: campaign("active") })),
    ]);
    await provider.resumeCampaign("7");
    expect(calls()).toEqual([`POST ${BASE}/campaigns/7/resume`]);
  });

  it.each(["pending", "ready"])("activates a %s campaign (one that never ran)", async (status) => {
    const { provider, calls } = setup([
      resume(refused(status)),
      {
        method: "POST",
        path: `${BASE}/campaigns/7/activate`,
        respond: ok({ success: true, campaign: campaign("active") }),
      },
    ]);
    const updated = await provider.updateCampaign("7", { status: "active" });
    expect(updated.status).toBe("active");
    expect(calls()).toEqual([
      `POST ${BASE}/campaigns/7/resume`,
      `POST ${BASE}/campaigns/7/activate`,
    ]);
  });

  it("leaves a campaign in cooldown as it is (it runs between cycles), reading it for an update", async () => {
    const { provider, calls } = setup([
      resume(refused("cooldown")),
      {
        method: "GET",
        path: `${BASE}/campaigns/7`,
        respond: ok({ success: true, campaign: campaign("cooldown") }),
      },
    ]);
    await expect(provider.resumeCampaign("7")).resolves.toBeUndefined();
    expect(calls()).toEqual([`POST ${BASE}/campaigns/7/resume`]);
    const updated = await provider.updateCampaign("7", { status: "active" });
    expect(updated.status).toBe("active");
    expect(calls().slice(1)).toEqual([
      `POST ${BASE}/campaigns/7/resume`,
      `GET ${BASE}/campaigns/7`,
    ]);
  });

  it("keeps Altur's refusal for a finished campaign", async () => {
    const { provider } = setup([resume(refused("finished"))]);
    expect(await rejection(provider.resumeCampaign("7"))).toMatchObject({
      code: "CONFLICT",
      vendorCode: "INVALID_STATUS_TRANSITION",
    });
  });
});

describe("createAltur() takes core's parsed patch", () => {
  it("plans and sends a patch parsed by parseCampaignPatch without parsing it again", async () => {
    const { provider, calls } = setup([
      {
        method: "PATCH",
        path: `${BASE}/campaigns/7`,
        respond: ok({ success: true, campaign: campaign("ready", "New") }),
      },
    ]);
    const patch = parseCampaignPatch("altur", { name: "New" });
    const safeParse = vi.spyOn(CampaignPatchSchema, "safeParse");
    try {
      expect(await provider.planUpdate("7", patch)).toHaveLength(1);
      expect((await provider.updateCampaign("7", patch)).name).toBe("New");
      expect(safeParse).not.toHaveBeenCalled();
      // A patch given as a plain object is parsed, once per call.
      await provider.planUpdate("7", { name: "New" });
      expect(safeParse).toHaveBeenCalledTimes(1);
    } finally {
      safeParse.mockRestore();
    }
    expect(calls()).toEqual(["PATCH /api/v1.0/campaigns/7"]);
  });
});

describe("createAltur().listCampaigns, read element by element", () => {
  /** An answer whose body the test writes piece by piece, and whose end it decides. */
  function streamedAnswer() {
    const encoder = new TextEncoder();
    let control!: ReadableStreamDefaultController<Uint8Array>;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        control = c;
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const response = new Response(body, { headers: { "content-type": "application/json" } });
    return {
      fetch: async () => response,
      write: (text: string) => control.enqueue(encoder.encode(text)),
      end: () => control.close(),
      cancelled: () => cancelled,
    };
  }
  const item = (id: number) => JSON.stringify({ id, name: `c${id}`, status: "active" });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it("yields each campaign as soon as its element has arrived, before the answer ends", async () => {
    const answer = streamedAnswer();
    const provider = createAltur({ apiKey: "altur-key", fetch: answer.fetch, maxRetries: 0 });
    const iterator = provider.listCampaigns()[Symbol.asyncIterator]();
    answer.write(`{"total_count":2,"campaigns":[${item(1)},`);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ id: "1", name: "c1" });
    answer.write(`${item(2)}],"pagination":{"has_next":false}}`);
    answer.end();
    expect((await iterator.next()).value).toMatchObject({ id: "2" });
    expect((await iterator.next()).done).toBe(true);
  });

  it("stops reading the answer when the loop is left early", async () => {
    const answer = streamedAnswer();
    const provider = createAltur({ apiKey: "altur-key", fetch: answer.fetch, maxRetries: 0 });
    answer.write(`{"campaigns":[${item(1)},${item(2)},`);
    const seen: string[] = [];
    for await (const campaign of provider.listCampaigns()) {
      seen.push(campaign.id);
      break;
    }
    await settle();
    expect(seen).toEqual(["1"]);
    expect(answer.cancelled()).toBe(true);
  });

  it("fails on a malformed element after the campaigns before it, and reads no further", async () => {
    const answer = streamedAnswer();
    const provider = createAltur({ apiKey: "altur-key", fetch: answer.fetch, maxRetries: 0 });
    answer.write(`{"campaigns":[${item(1)},{"id":}]}`);
    answer.end();
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const c of provider.listCampaigns()) seen.push(c.id);
      })(),
    );
    expect(seen).toEqual(["1"]);
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("refuses an answer that holds its campaigns twice, as JSON.parse would keep the second", async () => {
    const { provider } = setup([
      {
        method: "GET",
        path: `${BASE}/campaigns`,
        respond: () =>
          new Response(`{"campaigns":[${item(1)}],"campaigns":[${item(2)}]}`, {
            headers: { "content-type": "application/json" },
          }),
      },
    ]);
    const error = await rejection(
      (async () => {
        for await (const _ of provider.listCampaigns());
      })(),
    );
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toMatch(/twice/);
  });
});
