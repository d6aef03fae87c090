import { readSpec } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { campaignsFromSearch, convosoResponses } from "./convoso-responses.js";

// The documented `/campaigns/search` response example, verbatim.
const documented = {
  data: [
    {
      id: "111",
      name: "Sales Campaign",
      status: "Y",
      last_call_date: { date: "2026-03-03", timezone_type: 3, timezone: "America/Denver" },
    },
    {
      id: "222",
      name: "Customer Service",
      status: "N",
      last_call_date: { date: "2026-03-02", timezone_type: 3, timezone: "America/Denver" },
    },
    {
      id: "333",
      name: "Retention Campaign",
      status: "Y",
      last_call_date: { date: "2026-03-03", timezone_type: 3, timezone: "America/Denver" },
    },
  ],
};

describe("convosoResponses", () => {
  it("has a reader for every operationId of specs/convoso.openapi.yaml", () => {
    expect(Object.keys(convosoResponses.campaignsFrom).sort()).toEqual(
      readSpec("convoso").operationIds,
    );
    expect(convosoResponses.campaignsFrom.setCampaignStatus).toBeNull();
    expect(convosoResponses.campaignsFrom.searchCampaigns).toBe(campaignsFromSearch);
  });

  it("reads the documented search example", () => {
    const campaigns = campaignsFromSearch(documented);
    expect(campaigns.map((c) => [c.id, c.name, c.status])).toEqual([
      ["111", "Sales Campaign", "active"],
      ["222", "Customer Service", "paused"],
      ["333", "Retention Campaign", "active"],
    ]);
    expect(campaigns[1]?.raw).toBe(documented.data[1]);
  });

  it.each([
    { success: true, data: documented.data },
    { success: true, code: 200, data: documented.data },
  ])("reads data from either success envelope", (body) => {
    expect(campaignsFromSearch(body)).toHaveLength(3);
  });

  it.each([
    [{ success: true }, "data is not an array"],
    [{ data: { 111: documented.data[0] } }, "data is not an array"],
    [[documented.data[0]], "body is not an object"],
    [{ data: ["111"] }, "campaign is not an object"],
    [{ data: [{ name: "no id" }] }, "id"],
  ])("answers INVALID_RESPONSE for %j", (body, problem) => {
    expect(() => campaignsFromSearch(body)).toThrow(
      expect.objectContaining({
        code: "INVALID_RESPONSE",
        message: expect.stringContaining(problem),
      }),
    );
  });
});

describe("last_call_date as a PHP DateTime (specs/convoso.openapi.yaml)", () => {
  it("reads a campaign whose last_call_date has a time part, is null, or is absent", () => {
    const body = {
      data: [
        {
          id: "111",
          name: "Sales Campaign",
          status: "Y",
          last_call_date: {
            date: "2026-03-03 14:05:00.000000",
            timezone_type: 3,
            timezone: "America/Denver",
          },
        },
        { id: "222", name: "Customer Service", status: "N", last_call_date: null },
        { id: "333", name: "Retention Campaign", status: "Y" },
      ],
    };
    expect(campaignsFromSearch(body).map((c) => [c.id, c.status])).toEqual([
      ["111", "active"],
      ["222", "paused"],
      ["333", "active"],
    ]);
  });
});
