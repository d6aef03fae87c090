import { createConvoso } from "@campaignkit/convoso";
import { CampaignkitError } from "@campaignkit/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_API_KEYS, startSandbox } from "./index.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { collect, raw, rejectionOf } from "./test-support/wire.js";

/** Requests that reach every convoso operation with a success answer, then some documented errors. */
describeAnswersValid("convoso", [
  ["POST", "/campaigns/search", { form: { auth_token: SANDBOX_API_KEYS.convoso } }],
  [
    "POST",
    "/campaigns/status",
    { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "222", status: "true" } },
  ],
  [
    "POST",
    "/campaigns/status",
    { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "9", status: "true" } },
  ],
  [
    "POST",
    "/campaigns/status",
    { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "111", status: "on" } },
  ],
  ["POST", "/campaigns/search", { form: { auth_token: "wrong" } }],
]);

const sandbox = await startSandbox({ vendors: ["convoso"] });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const convoso = () => createConvoso(sandbox.vendors.convoso);
const token = SANDBOX_API_KEYS.convoso;
const status = (body: Record<string, string>) =>
  raw(sandbox, "convoso", "POST", "/campaigns/status", { form: { auth_token: token, ...body } });

describe("convoso simulator through the provider", () => {
  it("lists, gets, pauses, resumes and updates, and the state persists", async () => {
    const provider = convoso();
    expect((await collect(provider.listCampaigns())).map((c) => [c.id, c.status])).toEqual([
      ["111", "active"],
      ["222", "paused"],
      ["333", "active"],
    ]);
    expect(await provider.getCampaign("222")).toMatchObject({ name: "Customer Service" });
    await provider.pauseCampaign("111");
    expect((await provider.getCampaign("111")).status).toBe("paused");
    await provider.resumeCampaign("111");
    expect(await provider.updateCampaign("333", { status: "paused" })).toMatchObject({
      id: "333",
      status: "paused",
    });
    expect(sandbox.campaigns("convoso")).toMatchObject([
      { id: "111", status: "Y" },
      { id: "222", status: "N" },
      { id: "333", status: "N" },
    ]);
  });

  it("answers an unknown campaign_id with HTTP 200 and the documented body", async () => {
    const answer = await status({ campaign_id: "999", status: "true" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: false, error: "Campaign not found" });
    expect(await rejectionOf(convoso().pauseCampaign("999"))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers 6080 for a bad status and 6026 for a missing campaign_id, with HTTP 200", async () => {
    const badStatus = await status({ campaign_id: "111", status: "maybe" });
    expect(badStatus.status).toBe(200);
    expect(badStatus.body).toEqual({ success: false, code: 6080, error: "Invalid status value" });
    const noId = await status({ status: "true" });
    expect(noId.body).toEqual({ success: false, code: 6026, error: "Invalid campaign ID" });
    expect(sandbox.campaigns("convoso")[0]).toMatchObject({ id: "111", status: "Y" });
  });

  it("refuses a wrong auth_token with the documented 401 body (AUTH)", async () => {
    const answer = await raw(sandbox, "convoso", "POST", "/campaigns/search", {
      form: { auth_token: "wrong" },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ success: false, error: "Invalid authentication token" });
    const missing = await raw(sandbox, "convoso", "POST", "/campaigns/search");
    expect(missing.status).toBe(401);
    const inUrl = await raw(sandbox, "convoso", "POST", `/campaigns/search?auth_token=${token}`);
    expect(inUrl.status).toBe(401); // campaignkit never puts the token in a URL
    const json = await raw(sandbox, "convoso", "POST", "/campaigns/search", {
      json: { auth_token: token },
    });
    expect(json.status).toBe(401); // not form-encoded: Convoso finds no auth_token
    const error = await rejectionOf(
      collect(createConvoso({ ...sandbox.vendors.convoso, apiKey: "wrong" }).listCampaigns()),
    );
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "AUTH", httpStatus: 401 });
  });
});
