import { CampaignkitError } from "@campaignkit/core";
import { createVelip } from "@campaignkit/velip";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadSpec, SANDBOX_API_KEYS, startSandbox } from "./index.js";
import { collectScenarios } from "./spec/scenarios.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { collect, raw, rejectionOf } from "./test-support/wire.js";

/** Requests that reach every velip operation with a success answer, then some documented errors. */
describeAnswersValid("velip", [
  ["POST", "/GetCampaignsList.php", { json: {} }],
  ["POST", "/GetCampaignsList.php", { form: { cp_id: "987655" } }],
  ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654, active: 0, time_end: "20:00:00" } }],
  [
    "POST",
    "/ChangeCampaign.php",
    { json: { cp_id: 987653, lig_min: "max", pas: 3, name: "Cobrança", date_end: "2026-05-31" } },
  ],
  ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654, active: 0 } }],
  ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654 } }],
  ["POST", "/ChangeCampaign.php", { json: { cp_id: 5, active: 1 } }],
  ["POST", "/ChangeCampaign.php", { json: { active: 1 } }],
  ["POST", "/GetCampaignsList.php", { json: {}, headers: { authorization: "Bearer wrong-tsid" } }],
]);

const sandbox = await startSandbox({ vendors: ["velip"] });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const velip = () => createVelip(sandbox.vendors.velip);
const change = (body: Record<string, unknown>) =>
  raw(sandbox, "velip", "POST", "/ChangeCampaign.php", { json: body });
const list = (body: Record<string, unknown>) =>
  raw(sandbox, "velip", "POST", "/GetCampaignsList.php", { json: body });
const documented = (name: string, status: number) =>
  collectScenarios(loadSpec("velip")).scenarios.find(
    (s) => s.name === name && s.response.status === status,
  );
const wireCampaign = (id: number) =>
  sandbox.campaigns("velip").find((c) => (c as { cp_id: number }).cp_id === id) as Record<
    string,
    unknown
  >;

describe("velip simulator through the provider", () => {
  it("gets, lists, updates, pauses and resumes, and the state persists", async () => {
    const provider = velip();
    expect(await provider.getCampaign("987654")).toMatchObject({
      id: "987654",
      name: "Welcome 2026",
      status: "active",
    });
    expect((await collect(provider.listCampaigns())).map((c) => c.id)).toEqual([
      "987655",
      "987654",
      "987653",
    ]);

    const updated = await provider.updateCampaign("987654", {
      name: "Welcome 2026 - wave 2",
      schedule: { callingHours: { daily: { start: "08:30", end: "20:00" } } },
    });
    expect(updated).toMatchObject({
      name: "Welcome 2026 - wave 2",
      schedule: { callingHours: { daily: { start: "08:30", end: "20:00" } } },
    });

    await provider.pauseCampaign("987654");
    expect((await provider.getCampaign("987654")).status).toBe("paused");
    await provider.pauseCampaign("987654"); // already paused: Velip's 230, a success
    await provider.resumeCampaign("987654");
    expect((await provider.getCampaign("987654")).status).toBe("active");
    expect(wireCampaign(987654)).toMatchObject({
      cp_name: "Welcome 2026 - wave 2",
      "cp_active ": "1",
      cp_time_start: "08:30",
      cp_time_end: "20:00",
    });
  });

  it("refuses a wrong tsid with a 401 envelope, which the provider reads as AUTH", async () => {
    const error = await rejectionOf(
      createVelip({ ...sandbox.vendors.velip, apiKey: "not-the-sandbox-tsid" }).getCampaign(
        "987654",
      ),
    );
    expect(error).toBeInstanceOf(CampaignkitError);
    // A token that names no token of the account: "SID not found".
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401, vendorCode: "102" });
    const missing = await raw(sandbox, "velip", "POST", "/GetCampaignsList.php", {
      noAuth: true,
      json: {},
    });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      return: { status: "fail authentication", status_code: "100" },
    });
  });

  it("locks access after 20 failed authentications in 10 minutes (code 131)", async () => {
    for (let i = 0; i < 20; i++) {
      await raw(sandbox, "velip", "POST", "/GetCampaignsList.php", { noAuth: true, json: {} });
    }
    const locked = await list({});
    expect(locked.status).toBe(401);
    expect(locked.body).toMatchObject({ return: { status_code: "131" } });
    sandbox.reset();
    expect((await list({})).status).toBe(200);
  });
});

describe("velip ChangeCampaign as documented", () => {
  it("answers the documented request with the documented body, then 230 when repeated", async () => {
    const scenario = documented("pauseAndEndAt20", 200);
    const request = { ...(scenario?.request.body as object), tsid: SANDBOX_API_KEYS.velip };
    const first = await raw(sandbox, "velip", "POST", "/ChangeCampaign.php", {
      noAuth: true,
      json: request,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(scenario?.response.body);

    const again = await change(request);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      return: { status: "Parameters without change", status_code: "230" },
    });
  });

  it("answers 212 for a campaign that is not the account's", async () => {
    const answer = await change({ cp_id: 1, active: 0 });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ return: { status: "cp_id no valid", status_code: "212" } });
    const error = await rejectionOf(velip().pauseCampaign("1"));
    expect(error).toMatchObject({ code: "NOT_FOUND", vendorCode: "212" });
  });

  it("answers 210 when no mutable field is sent, and 200 when cp_id is missing", async () => {
    expect((await change({ cp_id: 987654 })).body).toEqual({
      return: { status: "No new parameters", status_code: "210" },
    });
    const noId = await change({ active: 1 });
    expect(noId.status).toBe(400);
    expect(noId.body).toEqual({ return: { status: "No cp_id", status_code: "200" } });
    const emptyId = await raw(sandbox, "velip", "POST", "/ChangeCampaign.php", {
      form: { cp_id: "", active: "1" },
    });
    expect(emptyId.body).toMatchObject({ return: { status_code: "200" } });
  });

  it("refuses an invalid value with HTTP 400, never a 200, and changes nothing", async () => {
    const answer = await change({ cp_id: 987654, time_end: "25:00:00" });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ return: { status_code: "400" } });
    expect(wireCampaign(987654).cp_time_end).toBe("18:00");
  });

  it("takes tsid in a form body, HH:MM:SS times, and answers HH:MM with its quirks", async () => {
    const answer = await raw(sandbox, "velip", "POST", "/ChangeCampaign.php", {
      noAuth: true,
      form: {
        tsid: SANDBOX_API_KEYS.velip,
        cp_id: "987655",
        time_start: "07:45:30",
        lig_min: "45",
      },
    });
    expect(answer.status).toBe(200);
    const [campaign] = (answer.body as { campaigns: Record<string, unknown>[] }).campaigns;
    expect(campaign).toMatchObject({
      cp_time_start: "07:45",
      cp_lig_min: 45,
      "cp_active ": "2",
      cp_destinations: "3",
    });
    expect(Object.keys(campaign ?? {})).toContain("cp_group ");
    expect(wireCampaign(987654).cp_pas).toBe("null");
  });
});

describe("velip GetCampaignsList filters", () => {
  const ids = (body: unknown) =>
    (body as { campaigns: { cp_id: number }[] }).campaigns.map((c) => c.cp_id);

  it("filters by cp_id, type=on and maxreg, sorted by id descending", async () => {
    expect(ids((await list({ cp_id: 987653 })).body)).toEqual([987653]);
    expect(ids((await list({ cp_id: 1 })).body)).toEqual([]);
    expect(ids((await list({ type: "on" })).body)).toEqual([987654]);
    expect(ids((await list({ maxreg: 2 })).body)).toEqual([987655, 987654]);
    expect(ids((await list({ search: "abril" })).body)).toEqual([987653]);
  });
});
