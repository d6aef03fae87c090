import { createAltur, decodeAlturError } from "@campaignkit/altur";
import { CampaignkitError } from "@campaignkit/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadSpec, startSandbox } from "./index.js";
import { collectScenarios } from "./spec/scenarios.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { collect, raw, rejectionOf } from "./test-support/wire.js";

/** Requests that reach every altur operation with a success answer, then some documented errors. */
describeAnswersValid("altur", [
  ["GET", "/campaigns"],
  ["GET", "/campaigns?status=active&integration=phone_call&agentId=agt_sofia"],
  ["GET", "/campaigns/123"],
  ["GET", "/campaigns/1236"],
  ["PATCH", "/campaigns/1234", { json: { name: "Q2 - wave 2", retries: 2, timezone: "UTC" } }],
  [
    "PATCH",
    "/campaigns/123",
    {
      json: {
        scheduling: { sat: { active: false } },
        cycles: { schedule: { sun: { active: true } } },
      },
    },
  ],
  ["POST", "/campaigns/123/pause"],
  ["POST", "/campaigns/123/resume"],
  ["POST", "/campaigns/1236/activate"],
  ["POST", "/campaigns/1238/archive"],
  ["PATCH", "/campaigns/1235", { json: { name: "x" } }],
  ["PATCH", "/campaigns/1234", { json: { agent_id: "a" } }],
  ["PATCH", "/campaigns/1236", { json: { cycles: { cooldown_minutes: 5 } } }],
  ["POST", "/campaigns/1235/activate"],
  ["POST", "/campaigns/123/stop"],
]);

const sandbox = await startSandbox({ vendors: ["altur"], enforceRateLimits: false });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const altur = () => createAltur(sandbox.vendors.altur);
const action = (id: number, name: string) =>
  raw(sandbox, "altur", "POST", `/campaigns/${id}/${name}`);
const patch = (id: number, body: unknown) =>
  raw(sandbox, "altur", "PATCH", `/campaigns/${id}`, { json: body });
const wireCampaign = (id: number) =>
  sandbox.campaigns("altur").find((c) => (c as { id: number }).id === id) as Record<
    string,
    unknown
  >;

describe("altur simulator through the provider", () => {
  it("gets, lists, updates, pauses and resumes, and the state persists", async () => {
    const provider = altur();
    expect(await provider.getCampaign("1234")).toMatchObject({
      name: "Q2 Reactivation",
      status: "active",
    });
    expect((await collect(provider.listCampaigns())).map((c) => [c.id, c.status])).toEqual([
      ["123", "active"],
      ["1234", "active"],
      ["1235", "finished"],
      ["1236", "draft"],
      ["1237", "paused"],
      ["1238", "active"],
    ]);
    const updated = await provider.updateCampaign("1234", {
      name: "Q2 Reactivation - wave 2",
      schedule: { callingHours: { daily: { start: "10:00", end: "19:00" } } },
      redial: { maxRetries: 2 },
    });
    expect(updated).toMatchObject({
      name: "Q2 Reactivation - wave 2",
      schedule: { callingHours: { daily: { start: "10:00", end: "19:00" } } },
    });
    await provider.pauseCampaign("1234");
    expect((await provider.getCampaign("1234")).status).toBe("paused");
    await provider.pauseCampaign("1234"); // documented no-op
    await provider.resumeCampaign("1234");
    await provider.resumeCampaign("1234"); // documented no-op
    expect(wireCampaign(1234)).toMatchObject({
      name: "Q2 Reactivation - wave 2",
      status: "active",
      scheduling: { mon: { startTime: "10:00", stopTime: "19:00", active: true } },
    });
  });

  it("refuses a wrong key with 401 (AUTH)", async () => {
    const answer = await raw(sandbox, "altur", "GET", "/campaigns", {
      headers: { authorization: "Bearer sandbox-altur-key" },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: "UNAUTHORIZED" });
    const error = await rejectionOf(
      createAltur({ ...sandbox.vendors.altur, apiKey: "wrong" }).getCampaign("123"),
    );
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
  });

  it("lists with the documented filters and a last page", async () => {
    const ids = async (query: string) =>
      (
        (await raw(sandbox, "altur", "GET", `/campaigns${query}`)).body as {
          campaigns: { id: number }[];
        }
      ).campaigns.map((c) => c.id);
    expect(await ids("?status=finished")).toEqual([1235]);
    expect(await ids("?integration=whatsapp")).toEqual([1236]);
    expect(await ids("?agentId=agt_lucas")).toEqual([1236]);
    expect(await ids("?startDate=2026-05-01&endDate=2026-05-31")).toEqual([1236]);
    const page = await raw(sandbox, "altur", "GET", "/campaigns");
    expect(page.body).toMatchObject({ total_count: 6, pagination: { has_next: false } });
    expect((await raw(sandbox, "altur", "GET", "/campaigns?startDate=2026-05-01")).status).toBe(
      400,
    );
    expect((await raw(sandbox, "altur", "GET", "/campaigns?status=paused")).status).toBe(400);
  });
});

describe("altur status transitions", () => {
  it("activates pending, ready and cooldown campaigns, and activate is not idempotent", async () => {
    expect((await action(1236, "activate")).status).toBe(200);
    expect(wireCampaign(1236).status).toBe("active");
    expect((await action(1238, "activate")).status).toBe(200);
    const again = await action(1236, "activate");
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: "INVALID_STATUS_TRANSITION",
      current_status: "active",
      valid_targets: ["inactive"],
    });
  });

  it("pauses active or cooldown, resumes inactive, and no-ops when already there", async () => {
    expect((await action(123, "pause")).status).toBe(200);
    expect(wireCampaign(123).status).toBe("inactive");
    expect((await action(123, "pause")).status).toBe(200);
    expect((await action(123, "resume")).status).toBe(200);
    expect((await action(123, "resume")).status).toBe(200);
    expect(wireCampaign(123).status).toBe("active");
  });

  it("refuses other transitions with 409 INVALID_STATUS_TRANSITION (CONFLICT)", async () => {
    const fromFinished = await action(1235, "activate");
    expect(fromFinished.status).toBe(409);
    expect(fromFinished.body).toEqual({
      error: "INVALID_STATUS_TRANSITION",
      current_status: "finished",
      valid_targets: [],
    });
    const fromPending = await action(1236, "resume");
    expect(fromPending.status).toBe(409);
    expect(fromPending.body).toMatchObject({
      current_status: "pending",
      valid_targets: ["active"],
    });
    expect(wireCampaign(1236).status).toBe("pending");
    // The provider reads that refusal and activates the campaign that never ran.
    await altur().resumeCampaign("1236");
    expect(wireCampaign(1236).status).toBe("active");
  });

  it("archives from any status, a no-op when already archived, and refuses unknown actions", async () => {
    expect((await action(1235, "archive")).status).toBe(200);
    expect((await action(1235, "archive")).status).toBe(200);
    expect(wireCampaign(1235)).toMatchObject({ status: "finished", archived: true });
    const unknown = await action(123, "stop");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: "UNKNOWN_ACTION" });
  });
});

describe("altur PATCH refusals", () => {
  it("refuses any change to a finished campaign with 409 CAMPAIGN_FINISHED", async () => {
    const error = await rejectionOf(altur().updateCampaign("1235", { name: "Renamed" }));
    expect(error).toMatchObject({
      code: "CONFLICT",
      httpStatus: 409,
      vendorCode: "CAMPAIGN_FINISHED",
    });
    expect(wireCampaign(1235).name).toBe("Q1 Collections");
  });

  it("names the immutable field with 400 IMMUTABLE_FIELD", async () => {
    const placeholder = collectScenarios(loadSpec("altur")).scenarios.find(
      (s) => s.name === "immutableFieldCyclesEnabled",
    );
    const documented = await patch(123, placeholder?.request.body);
    expect(documented.status).toBe(400);
    expect(documented.body).toMatchObject({ error: "IMMUTABLE_FIELD", field: "cycles.enabled" });
    expect(decodeAlturError("updateCampaign", documented.status, documented.body)).toMatchObject({
      code: "IMMUTABLE_FIELD",
      field: "cycles.enabled",
    });
    for (const [body, field] of [
      [{ agent_id: "agt_x" }, "agent_id"],
      [{ integration_id: "int_x" }, "integration_id"],
      [{ integration_type: "whatsapp" }, "integration_type"],
      [{ cycles: { mode: "scheduled" } }, "cycles.mode"],
    ] as const) {
      const answer = await patch(1234, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: "IMMUTABLE_FIELD", field });
    }
    expect(wireCampaign(123).name).toBe("Holiday reactivation");
  });

  it("answers CYCLES_NOT_ENABLED and SCHEDULED_MODE_ONLY as documented", async () => {
    const noCycles = await patch(1236, { cycles: { cooldown_minutes: 60 } });
    expect(noCycles.status).toBe(400);
    expect(noCycles.body).toEqual({ error: "CYCLES_NOT_ENABLED" });
    const withCycles = await patch(1234, { cycles: { cooldown_minutes: 60 } });
    expect(withCycles.status).toBe(200);
    expect(wireCampaign(1234).cycles).toMatchObject({ cooldown_minutes: 60 });

    const dates = {
      cycles: { schedule_start_date: "2026-07-01", schedule_end_date: "2026-07-31" },
    };
    const notScheduled = await patch(1234, dates);
    expect(notScheduled.status).toBe(400);
    expect(notScheduled.body).toEqual({ error: "SCHEDULED_MODE_ONLY" });
    expect((await patch(123, dates)).status).toBe(200);
    expect(wireCampaign(123).cycles).toMatchObject({ schedule_start_date: "2026-07-01" });
  });

  it("refuses a request the spec refuses with 400, naming the field", async () => {
    const answer = await patch(1234, { retries: 9 });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "VALIDATION_ERROR", field: "retries" });
  });
});

describe("altur's 12 requests per second", () => {
  it("answers the 13th request within one second with 429 and retry-after", async () => {
    // The sandbox's clock stands still: all 13 fall in one second however slow the machine.
    let now = 5_000;
    const limited = await startSandbox({ vendors: ["altur"], clock: () => now });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof raw>> | undefined;
      for (let i = 0; i < 13; i++) {
        last = await raw(limited, "altur", "GET", "/campaigns/123");
        statuses.push(last.status);
      }
      expect(statuses).toEqual([...Array(12).fill(200), 429]);
      expect(last?.headers.get("retry-after")).toBe("1");
      expect(last?.body).toEqual({ error: "RATE_LIMITED" });
      const error = await rejectionOf(
        createAltur({ ...limited.vendors.altur, maxRetries: 0 }).getCampaign("123"),
      );
      expect(error).toMatchObject({ code: "RATE_LIMITED", httpStatus: 429 });
      // The window slides: 999 ms after the first request it is still full, at 1000 ms it has room.
      now += 999;
      expect((await raw(limited, "altur", "GET", "/campaigns/123")).status).toBe(429);
      now += 1;
      expect((await raw(limited, "altur", "GET", "/campaigns/123")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("never answers 429 with enforceRateLimits: false", async () => {
    const statuses = await Promise.all(
      Array.from(
        { length: 30 },
        async () => (await raw(sandbox, "altur", "GET", "/campaigns/123")).status,
      ),
    );
    expect(statuses).toEqual(Array(30).fill(200));
  });
});
