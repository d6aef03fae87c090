import { createAsisso } from "@campaignkit/asisso";
import { CampaignkitError } from "@campaignkit/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox } from "./index.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { collect, raw, rejectionOf } from "./test-support/wire.js";

/** Requests that reach every asisso operation with a success answer, then some documented errors. */
describeAnswersValid("asisso", [
  ["GET", "/campaign/"],
  ["GET", "/campaign/124"],
  [
    "PATCH",
    "/campaign/123",
    {
      json: {
        name: "Lead reactivation - wave 2",
        retry_config: { max_retries: 3 },
        schedule_config: {
          timezone: "Europe/Lisbon",
          slots: [{ day_of_week: 2, start_time: "10:00", end_time: "12:30" }],
        },
        circuit_breaker: { enabled: true },
      },
    },
  ],
  ["POST", "/campaign/123/start"],
  ["POST", "/campaign/124/pause"],
  ["POST", "/campaign/124/resume"],
  ["GET", "/campaign/123", { headers: { "x-api-key": "as_wrong" } }],
  ["PATCH", "/campaign/125", { json: { max_concurrency: 0 } }],
]);

const sandbox = await startSandbox({ vendors: ["asisso"] });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const asisso = () => createAsisso(sandbox.vendors.asisso);
const stateOf = (id: number) =>
  (sandbox.campaigns("asisso").find((c) => (c as { id: number }).id === id) as { state: string })
    .state;

describe("asisso simulator through the provider", () => {
  it("gets, lists, updates, pauses and resumes, and the state persists", async () => {
    const provider = asisso();
    expect(await provider.getCampaign("123")).toMatchObject({
      name: "Lead reactivation",
      status: "draft",
    });
    expect((await collect(provider.listCampaigns())).map((c) => [c.id, c.status])).toEqual([
      ["123", "draft"],
      ["124", "active"],
      ["125", "paused"],
    ]);
    const updated = await provider.updateCampaign("125", {
      name: "Payment follow-up - wave 2",
      pacing: { maxConcurrentCalls: 25 },
    });
    expect(updated).toMatchObject({
      name: "Payment follow-up - wave 2",
      pacing: { maxConcurrentCalls: 25 },
    });
    await provider.resumeCampaign("125");
    expect(stateOf(125)).toBe("running");
    await provider.resumeCampaign("125"); // already running: a no-op
    await provider.pauseCampaign("125");
    await provider.pauseCampaign("125"); // already paused: a no-op
    expect(await provider.getCampaign("125")).toMatchObject({
      name: "Payment follow-up - wave 2",
      status: "paused",
    });
  });

  it("refuses to update a running campaign (409), and the provider pauses first when asked", async () => {
    const error = await rejectionOf(asisso().updateCampaign("124", { name: "Renamed" }));
    expect(error).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect((error as CampaignkitError).details?.vendorMessage ?? (error as Error).message).toMatch(
      /running/,
    );
    expect(stateOf(124)).toBe("running");

    const paused = await asisso().updateCampaign("124", { status: "paused", name: "Renamed" });
    expect(paused).toMatchObject({ name: "Renamed", status: "paused" });
  });

  it("applies the documented transitions and refuses the others with 409", async () => {
    expect((await raw(sandbox, "asisso", "POST", "/campaign/123/resume")).status).toBe(409);
    const started = await raw(sandbox, "asisso", "POST", "/campaign/123/start");
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ id: 123, state: "running" });
    expect((await raw(sandbox, "asisso", "POST", "/campaign/123/start")).status).toBe(409);
    expect(stateOf(123)).toBe("running");
  });

  it("refuses a wrong key with the documented 401 body (AUTH)", async () => {
    const answer = await raw(sandbox, "asisso", "GET", "/campaign/123", {
      headers: { "x-api-key": "as_wrong" },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ detail: "Invalid or expired API key" });
    const error = await rejectionOf(
      createAsisso({ ...sandbox.vendors.asisso, apiKey: "as_wrong" }).getCampaign("123"),
    );
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
  });

  it("answers FastAPI 422 detail lists for invalid requests", async () => {
    const bounds = await raw(sandbox, "asisso", "PATCH", "/campaign/123", {
      json: { max_concurrency: 101 },
    });
    expect(bounds.status).toBe(422);
    expect(bounds.body).toEqual({
      detail: [
        {
          loc: ["body", "max_concurrency"],
          msg: expect.any(String),
          type: "less_than_equal",
        },
      ],
    });
    const slot = await raw(sandbox, "asisso", "PATCH", "/campaign/123", {
      json: {
        schedule_config: { slots: [{ day_of_week: 0, start_time: "9am", end_time: "17:00" }] },
      },
    });
    expect(slot.status).toBe(422);
    expect(slot.body).toEqual({
      detail: [
        {
          loc: ["body", "schedule_config", "slots", 0, "start_time"],
          msg: "start_time must be in HH:MM format",
          type: "value_error",
        },
      ],
    });
    const badId = await raw(sandbox, "asisso", "GET", "/campaign/abc");
    expect(badId.status).toBe(422);
    expect(badId.body).toMatchObject({ detail: [{ loc: ["path", "campaign_id"] }] });
  });

  it("answers 404 for an unknown campaign", async () => {
    expect(await rejectionOf(asisso().getCampaign("999"))).toMatchObject({ code: "NOT_FOUND" });
  });
});
