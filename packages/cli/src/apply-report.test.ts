import { describe, expect, it } from "vitest";
import type { LineOutcome } from "./apply-engine.js";
import { JsonReportWriter, LINES_SHOWN, printReport, ReportTally } from "./apply-report.js";
import type { Output } from "./context.js";

function textOutput() {
  let text = "";
  const output = { out: (chunk: string) => (text += chunk), err: () => {} } as unknown as Output;
  return { output, text: () => text };
}

describe("ReportTally", () => {
  it("counts 200,000 lines but keeps only the first rejected ones, in line order", () => {
    const tally = new ReportTally();
    // Outcomes come in any order (workers finish out of order).
    for (let i = 200_000; i >= 1; i--) {
      const outcome: LineOutcome =
        i % 10 === 0
          ? {
              line: i,
              vendor: "altur",
              id: String(i),
              outcome: "rejected",
              code: i % 20 === 0 ? "NOT_FOUND" : "VALIDATION",
              message: "no",
            }
          : { line: i, vendor: "altur", id: String(i), outcome: "applied" };
      tally.add(outcome);
    }
    expect(tally.rejected.items).toHaveLength(LINES_SHOWN);
    expect(tally.rejected.items.map((line) => line.line)).toEqual(
      Array.from({ length: LINES_SHOWN }, (_, i) => (i + 1) * 10),
    );
    expect(tally.rejected.count).toBe(20_000);
    expect(Object.fromEntries(tally.rejectedByCode)).toEqual({
      NOT_FOUND: 10_000,
      VALIDATION: 10_000,
    });
    expect(tally.countsOf(200_000, false)).toMatchObject({
      applied: 180_000,
      rejected: 20_000,
      pending: 0,
    });
  });

  it("groups lines not done by reason, and counts lines never read as not done", () => {
    const tally = new ReportTally();
    const refused = "not done: velip refused the credential (bad key)";
    for (const line of [3, 1, 2]) {
      tally.add({
        line,
        vendor: "velip",
        id: "1",
        outcome: "pending",
        code: "AUTH",
        message: refused,
      });
    }
    tally.add({ line: 4, vendor: "voxo", id: "1", outcome: "applied" });
    const { output, text } = textOutput();
    const counts = tally.countsOf(10, false);
    expect(counts.pending).toBe(9);
    printReport(output, { file: "x.jsonl", dryRun: false, interrupted: false, counts }, tally);
    expect(text()).toMatch(/^not done\s+9$/m);
    expect(text()).toContain(`Not done (3 lines): velip: ${refused}.\n  line 1, 2, 3\n`);
  });
});

describe("JsonReportWriter", () => {
  it("writes one JSON document as it goes", () => {
    const { output, text } = textOutput();
    const writer = new JsonReportWriter(output, {
      file: "x.jsonl",
      dryRun: false,
      journal: "x.journal",
    });
    writer.line({ line: 2, outcome: "applied" });
    writer.line({ line: 1, outcome: "rejected", code: "VALIDATION" });
    const counts = { lines: 2, applied: 1, unchanged: 0, rejected: 1, pending: 0, planned: 0 };
    writer.end({ interrupted: false, counts });
    expect(JSON.parse(text())).toEqual({
      file: "x.jsonl",
      dryRun: false,
      journal: "x.journal",
      lines: [
        { line: 2, outcome: "applied" },
        { line: 1, outcome: "rejected", code: "VALIDATION" },
      ],
      interrupted: false,
      counts,
    });
  });

  it("writes an empty list of lines", () => {
    const { output, text } = textOutput();
    const writer = new JsonReportWriter(output, { file: "x.jsonl", dryRun: true });
    writer.end({
      interrupted: true,
      stoppedAt: 1,
      counts: { lines: 0, applied: 0, unchanged: 0, rejected: 0, pending: 0, planned: 0 },
    });
    expect(JSON.parse(text())).toMatchObject({ lines: [], interrupted: true, stoppedAt: 1 });
  });
});
