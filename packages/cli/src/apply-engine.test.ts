import {
  type Campaign,
  CampaignkitError,
  type CampaignPatch,
  type CampaignProvider,
} from "@campaignkit/core";
import { describe, expect, it } from "vitest";
import {
  applyChanges,
  type EngineOptions,
  type LineOutcome,
  type ValidChange,
  validateChange,
} from "./apply-engine.js";
import { type JournalRecord, JournalWriteError, resumeStateOf } from "./journal.js";
import { capabilitiesOf, createProvider, loadVendors } from "./vendor-loader.js";

await loadVendors();

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
    capabilities: capabilitiesOf("asisso"),
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

/** Runs the engine and collects its outcomes, in the order they came. */
async function applyAll(
  changes: Iterable<ValidChange> | AsyncIterable<ValidChange>,
  options: Omit<EngineOptions, "onOutcome">,
) {
  const outcomes: LineOutcome[] = [];
  const result = await applyChanges(changes, {
    ...options,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return Object.assign(outcomes, { result });
}

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
    const outcomes = await applyAll(
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
    await applyAll([change(1, "1", { action: "resume" })], engine(provider, [], { read: false }));
    expect(writes).toEqual(["resume 1"]);
  });

  it("runs the lines of one campaign in file order", async () => {
    const { provider, writes } = fakeProvider([campaign("1")]);
    await applyAll(
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
    const [outcome] = await applyAll(
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
    const outcomes = await applyAll(
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

  it("on resume, a two-request line sends only what its answered first request did not set", async () => {
    // Asisso plans {status: paused, name} as a pause, then a PATCH. The earlier run's pause was
    // answered (the campaign is paused), then the run was killed before the PATCH.
    const { provider } = fakeProvider([campaign("1", { status: "paused" })]);
    const sent: CampaignPatch[] = [];
    const recording: CampaignProvider = {
      ...provider,
      updateCampaign: (id, patch, options) => {
        sent.push(patch);
        return provider.updateCampaign(id, patch, options);
      },
    };
    const resume = resumeStateOf([{ type: "started", line: 1, vendor: "asisso", id: "1", at: "" }]);
    const outcomes = await applyAll(
      [change(1, "1", { patch: { status: "paused", name: "Spring" } })],
      engine(recording, [], { resume, read: false }),
    );
    expect(sent).toEqual([{ name: "Spring" }]);
    expect(outcomes.map((o) => o.outcome)).toEqual(["applied"]);
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
    const outcomes = await applyAll(
      [change(1, "1", { patch: { name: "X" } }), change(2, "1", { patch: { name: "Y" } })],
      engine(slow, records, { signal: controller.signal }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(["pending", "pending"]);
    expect(records.map((r) => r.type)).toEqual(["started"]);
  });
});

describe("applyChanges when the vendor took a write but its answer could not be read", () => {
  /** The error core gives for a write answered 2xx whose body was over the cap. */
  const unread = (details: Record<string, unknown>) =>
    new CampaignkitError({
      code: "INVALID_RESPONSE",
      vendor: "asisso",
      httpStatus: 200,
      message: "asisso: the answer is over 10485760 bytes",
      details: { answerUnread: true, ...details },
    });

  it("reports and journals the line as applied, not rejected", async () => {
    const { provider } = fakeProvider([campaign("1")]);
    const records: JournalRecord[] = [];
    const [outcome] = await applyAll(
      [change(3, "1", { action: "pause" })],
      engine(
        {
          ...provider,
          pauseCampaign: async () => {
            throw unread({ applied: ["pause the campaign"] });
          },
        },
        records,
      ),
    );
    expect(outcome).toMatchObject({ line: 3, outcome: "applied" });
    expect(outcome?.message).toMatch(/^applied; the vendor's answer could not be read \(.*over/);
    expect(records.map((r) => [r.type, "outcome" in r ? r.outcome : undefined])).toEqual([
      ["started", undefined],
      ["outcome", "applied"],
    ]);
  });

  it("leaves a line whose later request was not sent without outcome, so --resume sends the rest", async () => {
    const { provider } = fakeProvider([campaign("1")]);
    const records: JournalRecord[] = [];
    const [outcome] = await applyAll(
      [change(4, "1", { patch: { status: "paused", name: "Spring" } })],
      engine(
        {
          ...provider,
          updateCampaign: async () => {
            throw unread({ applied: ["pause the campaign"], notSent: ["set name"] });
          },
        },
        records,
      ),
    );
    expect(outcome).toMatchObject({ line: 4, outcome: "pending", code: "INVALID_RESPONSE" });
    expect(outcome?.message).toMatch(/partly applied \(pause the campaign\).*set name.*--resume/);
    expect(records.map((r) => r.type)).toEqual(["started"]);
    expect(resumeStateOf(records).interrupted.has(4)).toBe(true);
  });

  it("still rejects an unread answer of a write that failed", async () => {
    const { provider } = fakeProvider([campaign("1")]);
    const [outcome] = await applyAll(
      [change(5, "1", { action: "pause" })],
      engine(
        {
          ...provider,
          pauseCampaign: async () => {
            throw unread({});
          },
        },
        [],
      ),
    );
    expect(outcome).toMatchObject({ line: 5, outcome: "rejected", code: "INVALID_RESPONSE" });
  });
});

describe("applyChanges after a vendor refuses the credential", () => {
  const refusal = () =>
    new CampaignkitError({
      code: "AUTH",
      vendor: "velip",
      httpStatus: 401,
      message: "the API key was refused",
      details: { credentialRefused: true },
    });

  /** A Velip stand-in that refuses the credential on every call, and counts them. */
  function refusingProvider(base: CampaignProvider) {
    const calls: string[] = [];
    const refuse = async (what: string) => {
      calls.push(what);
      throw refusal();
    };
    const provider: CampaignProvider = {
      ...base,
      vendor: "velip",
      getCampaign: (id) => refuse(`get ${id}`),
      updateCampaign: (id) => refuse(`update ${id}`),
      pauseCampaign: (id) => refuse(`pause ${id}`),
      resumeCampaign: (id) => refuse(`resume ${id}`),
    };
    return { provider, calls };
  }

  const velipLine = (line: number, id: string): ValidChange => ({
    line,
    vendor: "velip",
    id,
    change: { patch: { name: `Line ${line}` } },
  });

  it("sends no further line of that vendor, gives its lines no outcome, and goes on with the others", async () => {
    const asisso = fakeProvider([campaign("1"), campaign("2")]);
    const velip = refusingProvider(asisso.provider);
    const records: JournalRecord[] = [];
    const changes = [
      velipLine(1, "100"),
      change(2, "1", { patch: { name: "Asisso one" } }),
      velipLine(3, "101"),
      velipLine(4, "102"),
      change(5, "2", { action: "pause" }),
      velipLine(6, "100"),
    ];
    const outcomes = await applyAll(
      changes,
      engine(asisso.provider, records, {
        concurrency: 1,
        providers: (vendor: string) => (vendor === "velip" ? velip.provider : asisso.provider),
      }),
    );
    // One request met the refusal; no later Velip line was sent.
    expect(velip.calls).toEqual(["get 100"]);
    const byLine = new Map(outcomes.map((o) => [o.line, o]));
    for (const line of [1, 3, 4, 6]) {
      expect(byLine.get(line)).toMatchObject({ outcome: "pending", code: "AUTH" });
      expect(byLine.get(line)?.message).toMatch(/velip refused the credential.*--resume/);
    }
    expect(byLine.get(2)?.outcome).toBe("applied");
    expect(byLine.get(5)?.outcome).toBe("applied");
    expect(asisso.writes).toEqual(["update 1", "pause 2"]);
    // No Velip line has an outcome record: a --resume runs them all.
    const velipRecords = records.filter((r) => "vendor" in r && r.vendor === "velip");
    expect(velipRecords).toEqual([]);
  });

  it("a refusal met by the write leaves only the started record, so --resume reads the line again", async () => {
    const asisso = fakeProvider([]);
    const accepting = fakeProvider([
      { ...campaign("100"), vendor: "velip" },
      { ...campaign("101"), vendor: "velip" },
    ]);
    // Reads pass, the write meets the refusal.
    const provider: CampaignProvider = {
      ...accepting.provider,
      updateCampaign: async () => {
        throw refusal();
      },
    };
    const records: JournalRecord[] = [];
    const outcomes = await applyAll(
      [velipLine(1, "100"), velipLine(2, "101")],
      engine(asisso.provider, records, { concurrency: 1, providers: () => provider }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(["pending", "pending"]);
    expect(records.map((r) => `${r.type}:${"line" in r ? r.line : ""}`)).toEqual(["started:1"]);
    const resume = resumeStateOf(records);
    expect(resume.outcomes.size).toBe(0);
    expect([...resume.interrupted]).toEqual([1]);
  });

  it("an AUTH error that is not about the credential is a rejection of that line only", async () => {
    const asisso = fakeProvider([campaign("1"), campaign("2")]);
    let first = true;
    const provider: CampaignProvider = {
      ...asisso.provider,
      updateCampaign: async (id, patch, options) => {
        if (first) {
          first = false;
          throw new CampaignkitError({
            code: "AUTH",
            vendor: "asisso",
            httpStatus: 403,
            message: "You must configure telephony first",
          });
        }
        return asisso.provider.updateCampaign(id, patch, options);
      },
    };
    const outcomes = await applyAll(
      [change(1, "1", { patch: { name: "A" } }), change(2, "2", { patch: { name: "B" } })],
      engine(provider, [], { concurrency: 1 }),
    );
    expect(outcomes.map((o) => [o.line, o.outcome, o.code])).toEqual([
      [1, "rejected", "AUTH"],
      [2, "applied", undefined],
    ]);
  });
});

describe("applyChanges when a journal record cannot be written", () => {
  it("sends no request after the failed record, and no write without its started record", async () => {
    const { provider, writes } = fakeProvider(
      Array.from({ length: 6 }, (_, i) => campaign(String(i + 1))),
    );
    let reads = 0;
    const counting: CampaignProvider = {
      ...provider,
      getCampaign: (id, options) => {
        reads++;
        return provider.getCampaign(id, options);
      },
    };
    const records: JournalRecord[] = [];
    const failure = new JournalWriteError(
      "x.journal",
      Object.assign(new Error("full"), { code: "ENOSPC" }),
    );
    const outcomes = await applyAll(
      Array.from({ length: 6 }, (_, i) => change(i + 1, String(i + 1), { patch: { name: "New" } })),
      engine(counting, records, {
        concurrency: 1,
        // The third record (line 2's started) fails: the disk is full.
        record: (record: JournalRecord) => {
          if (records.length === 2) throw failure;
          records.push(record);
        },
      }),
    );
    expect(records.map((r) => `${r.type}:${"line" in r ? r.line : ""}`)).toEqual([
      "started:1",
      "outcome:1",
    ]);
    expect(writes).toEqual(["update 1"]);
    expect(reads).toBe(2); // lines 1 and 2; nothing after the failure
    expect(outcomes.result.journalFailure).toBe(failure);
    expect(outcomes.result.stoppedAt).toBe(3);
    expect(outcomes.map((o) => [o.line, o.outcome, o.code])).toEqual([
      [1, "applied", undefined],
      [2, "pending", "JOURNAL"],
    ]);
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

describe("applyChanges as a stream", () => {
  it("takes lines as it sends them, never more than `concurrency` ahead, over 150,000 lines", async () => {
    const { provider } = fakeProvider([campaign("1"), campaign("2"), campaign("3")]);
    let pulled = 0;
    let finished = 0;
    let mostAhead = 0;
    async function* lines() {
      for (let line = 1; line <= 150_000; line++) {
        pulled++;
        mostAhead = Math.max(mostAhead, pulled - finished);
        yield change(line, String((line % 3) + 1), { patch: { name: `Name ${line}` } });
      }
    }
    const counts = { applied: 0, other: 0 };
    const result = await applyChanges(lines(), {
      ...engine(provider, [], { concurrency: 8, read: false }),
      onOutcome: (outcome) => {
        finished++;
        if (outcome.outcome === "applied") counts.applied++;
        else counts.other++;
      },
    });
    expect(result).toEqual({});
    expect(counts).toEqual({ applied: 150_000, other: 0 });
    expect(mostAhead).toBeLessThanOrEqual(9);
  });
});
