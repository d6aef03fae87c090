import {
  type Campaign,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
} from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import { applyChanges, type ValidChange, validateChange } from "./apply-engine.js";
import type { JournalRecord } from "./journal.js";
import { resumeStateOf } from "./journal.js";
import { CAPABILITIES, createProvider } from "./vendors.js";

/** An in-memory provider that counts writes. */
function fakeProvider(campaigns: Campaign[]) {
  const writes: string[] = [];
  const find = (id: string) => {
    const campaign = campaigns.find((c) => c.id === id);
    if (!campaign) {
      throw new CampaignkitError({ code: "NOT_FOUND", vendor: "asisso", message: `no ${id}` });
    }
    return campaign;
  };
  const provider: CampaignProvider = {
    vendor: "asisso",
    capabilities: CAPABILITIES.asisso,
    async getCampaign(id) {
      return structuredClone(find(id));
    },
    async *listCampaigns() {
      yield* campaigns;
    },
    async updateCampaign(id, patch: CampaignPatch) {
      writes.push(`update ${id}`);
      const campaign = find(id);
      if (patch.name) campaign.name = patch.name;
      if (patch.status) campaign.status = patch.status;
      if (patch.redial) campaign.redial = { ...campaign.redial, ...patch.redial };
      return structuredClone(campaign);
    },
    async pauseCampaign(id) {
      writes.push(`pause ${id}`);
      find(id).status = "paused";
    },
    async resumeCampaign(id) {
      writes.push(`resume ${id}`);
      find(id).status = "active";
    },
    async planUpdate() {
      return [];
    },
  };
  return { provider, writes };
}

const campaign = (id: string, overrides: Partial<Campaign> = {}): Campaign => ({
  vendor: "asisso",
  id,
  name: `Campaign ${id}`,
  status: "active",
  redial: { maxRetries: 1 },
  raw: {},
  ...overrides,
});

const change = (line: number, id: string, c: ValidChange["change"]): ValidChange => ({
  line,
  vendor: "asisso",
  id,
  change: c,
});

function engine(provider: CampaignProvider, records: JournalRecord[], overrides = {}) {
  return {
    providers: () => provider,
    record: (record: JournalRecord) => {
      records.push(record);
    },
    resume: resumeStateOf([]),
    concurrency: 4,
    read: true,
    signal: new AbortController().signal,
    ...overrides,
  };
}

describe("applyChanges", () => {
  it("reads first and sends nothing for a change already in place", async () => {
    const { provider, writes } = fakeProvider([campaign("1"), campaign("2")]);
    const records: JournalRecord[] = [];
    const outcomes = await applyChanges(
      [
        change(1, "1", { patch: { redial: { maxRetries: 1 } } }),
        change(2, "2", { patch: { redial: { maxRetries: 3 } } }),
        change(3, "1", { action: "resume" }),
      ],
      engine(provider, records),
    );
    expect(outcomes.map((o) => [o.line, o.outcome]).sort()).toEqual([
      [1, "unchanged"],
      [2, "applied"],
      [3, "unchanged"],
    ]);
    expect(writes).toEqual(["update 2"]);
    expect(records.map((r) => `${r.type}:${"line" in r ? r.line : ""}`).sort()).toEqual([
      "outcome:1",
      "outcome:2",
      "outcome:3",
      "started:2",
    ]);
  });

  it("with read off, writes every line", async () => {
    const { provider, writes } = fakeProvider([campaign("1")]);
    await applyChanges(
      [change(1, "1", { action: "resume" })],
      engine(provider, [], { read: false }),
    );
    expect(writes).toEqual(["resume 1"]);
  });

  it("runs the lines of one campaign in file order", async () => {
    const { provider, writes } = fakeProvider([campaign("1")]);
    await applyChanges(
      [
        change(1, "1", { action: "pause" }),
        change(2, "1", { patch: { name: "B" } }),
        change(3, "1", { action: "resume" }),
      ],
      engine(provider, [], { concurrency: 8 }),
    );
    expect(writes).toEqual(["pause 1", "update 1", "resume 1"]);
  });

  it("records a vendor error as rejected with its code", async () => {
    const { provider } = fakeProvider([campaign("1")]);
    const records: JournalRecord[] = [];
    const [outcome] = await applyChanges(
      [change(7, "404", { patch: { name: "X" } })],
      engine(provider, records),
    );
    expect(outcome).toMatchObject({ line: 7, outcome: "rejected", code: "NOT_FOUND" });
    expect(records).toMatchObject([{ type: "outcome", line: 7, outcome: "rejected" }]);
  });

  it("on resume, re-reads a line started without outcome and does not write it again", async () => {
    // The earlier run wrote line 1 (the campaign shows it) and was killed before its outcome.
    const { provider, writes } = fakeProvider([campaign("1", { name: "Done" }), campaign("2")]);
    const resume = resumeStateOf([
      { type: "started", line: 1, vendor: "asisso", id: "1", at: "" },
      { type: "started", line: 2, vendor: "asisso", id: "2", at: "" },
    ]);
    const outcomes = await applyChanges(
      [change(1, "1", { patch: { name: "Done" } }), change(2, "2", { patch: { name: "Done" } })],
      // Even with read off, an interrupted line is read again.
      engine(provider, [], { resume, read: false }),
    );
    const byLine = new Map(outcomes.map((o) => [o.line, o]));
    expect(byLine.get(1)).toMatchObject({ outcome: "unchanged" });
    expect(byLine.get(1)?.message).toMatch(/applied before the interruption/);
    expect(byLine.get(2)).toMatchObject({ outcome: "applied" });
    expect(writes).toEqual(["update 2"]);
  });

  it("leaves lines cut off by the signal pending, with no outcome record", async () => {
    const controller = new AbortController();
    const { provider } = fakeProvider([campaign("1"), campaign("2")]);
    const slow: CampaignProvider = {
      ...provider,
      async updateCampaign(id, patch, options) {
        controller.abort();
        if (options?.signal?.aborted) {
          throw new CampaignkitError({ code: "ABORTED", vendor: "asisso", message: "aborted" });
        }
        return provider.updateCampaign(id, patch);
      },
    };
    const records: JournalRecord[] = [];
    const outcomes = await applyChanges(
      [change(1, "1", { patch: { name: "X" } }), change(2, "1", { patch: { name: "Y" } })],
      engine(slow, records, { signal: controller.signal }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(["pending", "pending"]);
    expect(records.map((r) => r.type)).toEqual(["started"]);
  });
});

describe("validateChange", () => {
  const planner = (vendor: "altur" | "convoso") => createProvider(vendor, { apiKey: "REDACTED" });

  it("refuses a field the vendor cannot set as UNSUPPORTED, naming it", async () => {
    const result = await validateChange(
      { line: 4, vendor: "convoso", id: "111", patch: { name: "Renamed" } },
      planner("convoso"),
    );
    expect(result).toMatchObject({
      ok: false,
      rejection: { line: 4, code: "UNSUPPORTED", field: "name", vendor: "convoso", id: "111" },
    });
  });

  it("refuses a bad value and a bad id as VALIDATION, naming the field", async () => {
    const value = await validateChange(
      { line: 5, vendor: "altur", id: "1234", patch: { redial: { maxRetries: 99 } } },
      planner("altur"),
    );
    expect(value).toMatchObject({
      ok: false,
      rejection: { code: "VALIDATION", field: "redial.maxRetries" },
    });
    const id = await validateChange(
      { line: 6, vendor: "altur", id: "abc", action: "pause" },
      planner("altur"),
    );
    expect(id).toMatchObject({ ok: false, rejection: { code: "VALIDATION", field: "id" } });
  });

  it("plans a valid change without sending it", async () => {
    const result = await validateChange(
      { line: 1, vendor: "altur", id: "1234", patch: { name: "Spring" } },
      planner("altur"),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.map((request) => request.method)).toContain("PATCH");
      expect(JSON.stringify(result.plan)).toContain("REDACTED");
    }
  });
});
