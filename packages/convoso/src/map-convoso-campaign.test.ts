import { CampaignSchema } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { toConvosoStatusBody } from "./convert-to-convoso-steps.js";
import { mapConvosoCampaign } from "./map-convoso-campaign.js";

const lastCall = { date: "2026-03-03", timezone_type: 3, timezone: "America/Denver" };

describe("mapConvosoCampaign", () => {
  it("maps the documented search entry: id, name, Y as active; last_call_date stays in raw", () => {
    const wire = {
      id: "111",
      name: "Sales Campaign",
      status: "Y" as const,
      last_call_date: lastCall,
    };
    const campaign = mapConvosoCampaign(wire);
    expect(campaign).toEqual({
      vendor: "convoso",
      id: "111",
      name: "Sales Campaign",
      status: "active",
      raw: wire,
    });
    expect(campaign.raw).toBe(wire);
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it.each([
    ["Y", "active"],
    ["N", "paused"],
    ["y", "unknown"],
    ["<string>", "unknown"],
    ["", "unknown"],
  ])("maps status %j to %s", (status, expected) => {
    expect(mapConvosoCampaign({ id: "1", name: "x", status: status as "Y" }).status).toBe(expected);
  });

  it("leaves a name it cannot read out, and an absent status as unknown", () => {
    const wire = { id: "7", name: null } as never;
    const campaign = mapConvosoCampaign(wire);
    expect(campaign).toEqual({ vendor: "convoso", id: "7", status: "unknown", raw: wire });
    expect("name" in campaign).toBe(false);
  });

  it("keeps a numeric id as its string, and gives no id (schema-invalid) for a missing one", () => {
    expect(mapConvosoCampaign({ id: 222 } as never).id).toBe("222");
    const noId = mapConvosoCampaign({ name: "x" } as never);
    expect(CampaignSchema.safeParse(noId).success).toBe(false);
  });

  it("sets no schedule, pacing, redial or stats: Convoso reports none", () => {
    const campaign = mapConvosoCampaign({
      id: "1",
      name: "x",
      status: "N",
      last_call_date: lastCall,
    });
    expect(Object.keys(campaign).sort()).toEqual(["id", "name", "raw", "status", "vendor"]);
  });
});

describe("toConvosoStatusBody and mapConvosoCampaign round-trip", () => {
  // The docs: status=true sets Y, status=false sets N.
  const shownAs = (flag: boolean) => (flag ? "Y" : "N");

  it.each(["active", "paused"] as const)(
    "writes %s as a flag that reads back the same",
    (status) => {
      const body = toConvosoStatusBody("111", status);
      expect(body).toEqual({ campaign_id: "111", status: status === "active" });
      expect(
        mapConvosoCampaign({ id: "111", name: "S", status: shownAs(body.status) }).status,
      ).toBe(status);
    },
  );
});
