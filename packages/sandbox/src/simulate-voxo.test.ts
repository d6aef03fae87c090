import { CampaignkitError } from "@campaignkit/core";
import { createVoxo } from "@campaignkit/voxo";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_VOXO_TENANT_ID, startSandbox } from "./index.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { collect, raw, rejectionOf } from "./test-support/wire.js";

/** Requests that reach every voxo operation with a success answer, then some documented errors. */
describeAnswersValid("voxo", [
  ["GET", "/call-campaigns?tenantId=42"],
  ["GET", "/call-campaigns/102"],
  [
    "PATCH",
    "/admin/call-campaigns/101",
    {
      json: {
        state: "READY",
        recording: "yes",
        enableVMDetect: "1",
        numbers: [{ number: "5555550199" }],
        callHoursStart: "08:00",
        callHoursEnd: "12:00",
      },
    },
  ],
  ["GET", "/call-campaigns/999"],
  ["GET", "/call-campaigns/101", { headers: { authorization: "Bearer wrong" } }],
]);

const sandbox = await startSandbox({ vendors: ["voxo"] });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const voxo = () => createVoxo(sandbox.vendors.voxo);
const wireCampaign = (id: number) =>
  sandbox.campaigns("voxo").find((c) => (c as { id: number }).id === id) as Record<string, unknown>;

describe("voxo simulator through the provider", () => {
  it("gets, lists, updates, pauses and resumes, and the state persists", async () => {
    const provider = voxo();
    expect(sandbox.vendors.voxo.tenantId).toBe(SANDBOX_VOXO_TENANT_ID);
    expect(await provider.getCampaign("101")).toMatchObject({
      name: "Renewal reminders",
      status: "paused",
    });
    expect((await collect(provider.listCampaigns())).map((c) => c.id)).toEqual([
      "101",
      "102",
      "123",
    ]);
    const updated = await provider.updateCampaign("123", {
      name: "Payment reminders - wave 2",
      schedule: {
        timezone: "America/Denver",
        callingHours: { daily: { start: "08:00", end: "16:30" } },
      },
    });
    expect(updated).toMatchObject({
      name: "Payment reminders - wave 2",
      schedule: {
        timezone: "America/Denver",
        callingHours: { daily: { start: "08:00", end: "16:30" } },
      },
    });
    await provider.pauseCampaign("123");
    expect((await provider.getCampaign("123")).status).toBe("paused");
    await provider.resumeCampaign("123");
    expect(wireCampaign(123)).toMatchObject({
      name: "Payment reminders - wave 2",
      state: "READY",
      callHoursStart: "08:00",
      callHoursEnd: "16:30",
    });
  });

  it("refuses a wrong token with 401, which the provider reads as AUTH", async () => {
    const error = await rejectionOf(
      createVoxo({ ...sandbox.vendors.voxo, apiKey: "nope" }).getCampaign("101"),
    );
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
  });

  it("answers 404 for an unknown campaign (NOT_FOUND)", async () => {
    expect(await rejectionOf(voxo().getCampaign("999"))).toMatchObject({
      code: "NOT_FOUND",
      httpStatus: 404,
    });
  });

  it("lists a tenant as a bare array and takes request shapes that differ from answers", async () => {
    const other = await raw(sandbox, "voxo", "GET", "/call-campaigns?tenantId=7");
    expect(other.body).toEqual([]);
    const answer = await raw(sandbox, "voxo", "PATCH", "/admin/call-campaigns/102", {
      json: { enableVMDetect: "1", destinations: [{ id: 5, type: "queue" }] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      enableVMDetect: 1,
      destinations: [{ typeSrc: "campaign", destType: "queue", id: 5, order: 1 }],
    });
  });

  it("refuses an invalid request with 400 and changes nothing", async () => {
    const short = await raw(sandbox, "voxo", "PATCH", "/admin/call-campaigns/101", {
      json: { name: "ab" },
    });
    expect(short.status).toBe(400);
    expect(wireCampaign(101).name).toBe("Renewal reminders");
    const noTenant = await raw(sandbox, "voxo", "GET", "/call-campaigns");
    expect(noTenant.status).toBe(400);
  });
});
