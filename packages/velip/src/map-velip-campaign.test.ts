import { CampaignSchema } from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { toVelipChangeBody } from "./convert-to-velip-steps.js";
import { mapVelipCampaign } from "./map-velip-campaign.js";

/** The documented ChangeCampaign 200 answer's campaign, verbatim (seed 000). */
const documented = {
  cp_id: 987654,
  cp_name: "Welcome 2026",
  cp_ctid: "null",
  "cp_active ": "0" as const,
  "cp_ontime ": "0",
  cp_date_start: "2026-05-08",
  cp_date_end: "2026-05-08",
  cp_time_start: "09:00",
  cp_time_end: "20:00",
  cp_destinations: 4500,
  cp_lig_min: "max",
  cp_pas: "null",
  cp_made: 1230,
  cp_answered: 870,
  cp_transfered: "null",
  cp_model: 0,
};

describe("mapVelipCampaign", () => {
  it("maps the documented campaign, leaving the 'null' strings out", () => {
    const campaign = mapVelipCampaign(documented);
    expect(campaign).toEqual({
      vendor: "velip",
      id: "987654",
      name: "Welcome 2026",
      status: "paused",
      schedule: {
        startDate: "2026-05-08",
        endDate: "2026-05-08",
        callingHours: { daily: { start: "09:00", end: "20:00" } },
      },
      pacing: { callsPerMinute: "max" },
      stats: { contacts: 4500, callsMade: 1230, callsAnswered: 870 },
      raw: documented,
    });
    expect(campaign.raw).toBe(documented);
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it.each([
    ["1", "active"],
    ["0", "paused"],
    ["2", "draft"],
    ["3", "unknown"],
    ["constructor", "unknown"],
  ])('maps "cp_active " %s to %s', (active, status) => {
    expect(mapVelipCampaign({ cp_id: 1, "cp_active ": active as "1" }).status).toBe(status);
  });

  it('reads the status only from the key with the trailing space, never "cp_active"', () => {
    const wire = { cp_id: 1, cp_active: "1" } as Record<string, unknown>;
    expect(mapVelipCampaign(wire).status).toBe("unknown");
  });

  it("reads numbers that arrive as strings, HH:MM:SS times and a numeric cp_lig_min", () => {
    const campaign = mapVelipCampaign({
      cp_id: "42",
      cp_time_start: "08:30:00",
      cp_time_end: "18:00:00",
      cp_destinations: "3",
      cp_made: "2",
      cp_answered: "1",
      cp_transfered: "1",
      cp_lig_min: "30",
      cp_pas: "5",
    });
    expect(campaign).toMatchObject({
      id: "42",
      schedule: { callingHours: { daily: { start: "08:30", end: "18:00" } } },
      pacing: { callsPerMinute: 30, maxConcurrentTransfers: 5 },
      stats: { contacts: 3, callsMade: 2, callsAnswered: 1, callsTransferred: 1 },
    });
    expect(mapVelipCampaign({ cp_id: 1, cp_lig_min: 12, cp_pas: 2 }).pacing).toEqual({
      callsPerMinute: 12,
      maxConcurrentTransfers: 2,
    });
  });

  it("leaves placeholders, impossible dates, zero rates and backwards windows to raw", () => {
    const wire = {
      cp_id: 1,
      cp_name: "N",
      cp_date_start: "0000-00-00",
      cp_date_end: "<string>",
      cp_time_start: "20:00",
      cp_time_end: "09:00",
      cp_lig_min: "0",
      cp_pas: "null",
      cp_destinations: "<string>",
      cp_made: -1,
      cp_transfered: "null",
    };
    const campaign = mapVelipCampaign(wire);
    expect(campaign).toEqual({ vendor: "velip", id: "1", name: "N", status: "unknown", raw: wire });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
  });

  it("gives an empty id when cp_id is missing, which the core schema refuses", () => {
    const campaign = mapVelipCampaign({ cp_name: "x" });
    expect(campaign.id).toBe("");
    expect(CampaignSchema.safeParse(campaign).success).toBe(false);
  });
});

describe("toVelipChangeBody", () => {
  it("maps every supported field to its wire field, with HH:MM:SS times and a string lig_min", () => {
    expect(
      toVelipChangeBody("987654", {
        name: "Wave 2",
        status: "paused",
        schedule: {
          startDate: "2026-05-08",
          endDate: "2026-05-31",
          callingHours: { daily: { start: "09:00", end: "20:00" } },
        },
        pacing: { callsPerMinute: 30, maxConcurrentTransfers: 4 },
      }),
    ).toEqual({
      cp_id: 987654,
      name: "Wave 2",
      active: 0,
      date_start: "2026-05-08",
      date_end: "2026-05-31",
      time_start: "09:00:00",
      time_end: "20:00:00",
      lig_min: "30",
      pas: 4,
    });
  });

  it('sends "max", active 1, and a weekly schedule that is one window every day', () => {
    const window = [{ start: "10:00", end: "16:30" }];
    const weekly = { mon: window, tue: window, wed: window, thu: window, fri: window };
    const everyDay = { ...weekly, sat: window, sun: window };
    expect(
      toVelipChangeBody("5", {
        status: "active",
        pacing: { callsPerMinute: "max" },
        schedule: { callingHours: { weekly: everyDay } },
      }),
    ).toEqual({
      cp_id: 5,
      active: 1,
      lig_min: "max",
      time_start: "10:00:00",
      time_end: "16:30:00",
    });
    expect(() => toVelipChangeBody("5", { schedule: { callingHours: { weekly } } })).toThrow(
      expect.objectContaining({ code: "VALIDATION", field: "schedule.callingHours" }),
    );
  });
});

describe("toVelipChangeBody and mapVelipCampaign round-trip", () => {
  it("reads back what it writes, once Velip echoes the body as its cp_* fields", () => {
    const patch = {
      name: "Wave 2",
      status: "active" as const,
      schedule: {
        startDate: "2026-06-01",
        endDate: "2026-06-30",
        callingHours: { daily: { start: "08:00", end: "17:45" } },
      },
      pacing: { callsPerMinute: 45, maxConcurrentTransfers: 3 },
    };
    const body = toVelipChangeBody("77", patch);
    // How Velip reports the campaign: HH:MM times, the state under "cp_active ".
    const echoed = {
      cp_id: body.cp_id,
      cp_name: body.name,
      "cp_active ": String(body.active) as "1",
      cp_date_start: body.date_start,
      cp_date_end: body.date_end,
      cp_time_start: body.time_start?.slice(0, 5),
      cp_time_end: body.time_end?.slice(0, 5),
      cp_lig_min: body.lig_min,
      cp_pas: body.pas,
    };
    expect(mapVelipCampaign(echoed)).toMatchObject({ id: "77", ...patch });
  });
});

describe("mapVelipCampaign on a failed destination load", () => {
  it("reads Falha na geração as failed, with the text as the reason", () => {
    const text = "Falha na geração: 0 destinos";
    const campaign = mapVelipCampaign({
      ...documented,
      "cp_active ": "0",
      cp_status_txt: text,
    } as never);
    expect(campaign).toMatchObject({
      status: "failed",
      statusReason: { code: "load_failed", message: text },
    });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
    const decomposed = mapVelipCampaign({
      ...documented,
      cp_status_txt: text.normalize("NFD"),
    } as never);
    expect(decomposed.status).toBe("failed");
  });
  it("reads a load in progress or done by cp_active as before", () => {
    for (const text of ["-Gerando: 20000 destinos (8s)", "Inseridos: 4500 destinos (2s)"]) {
      const campaign = mapVelipCampaign({
        ...documented,
        "cp_active ": "1",
        cp_status_txt: text,
      } as never);
      expect(campaign.status).toBe("active");
      expect(campaign.statusReason).toBeUndefined();
    }
  });
});
