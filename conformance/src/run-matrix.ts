// `pnpm conformance`: replays every documented example of every spec through its vendor's typed
// client against a local mock server, prints the vendor × operation × example matrix, and writes
// it to conformance/report/matrix.json and matrix.md. Exits 1 when any case fails.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ReplayOutcome, startVendorHarness } from "./replay.ts";
import { VENDORS } from "./vendors.ts";

interface MatrixRow {
  vendor: string;
  operation: string;
  example: string;
  status: number;
  evidence: string;
  result: "pass" | "fail";
  problems: string[];
}

const REPORT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "report");

function toRow(outcome: ReplayOutcome): MatrixRow {
  const { scenario } = outcome;
  return {
    vendor: scenario.vendor,
    operation: scenario.operationId,
    example: scenario.name,
    status: scenario.response.status,
    evidence: scenario.evidence,
    result: outcome.passed ? "pass" : "fail",
    problems: outcome.problems,
  };
}

function table(rows: MatrixRow[]): string[][] {
  return [
    ["vendor", "operation", "example", "status", "evidence", "result"],
    ...rows.map((r) => [r.vendor, r.operation, r.example, String(r.status), r.evidence, r.result]),
  ];
}

function aligned(cells: string[][]): string {
  const widths =
    cells[0]?.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0))) ?? [];
  return cells
    .map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "))
    .join("\n");
}

function markdown(cells: string[][], passed: number, failed: number): string {
  const [head = [], ...body] = cells;
  return [
    "# Conformance matrix",
    "",
    `${passed} passed, ${failed} failed. Every documented example in specs/, replayed through its vendor's typed client against a local server that checks the wire request.`,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...body.map((row) => `| ${row.join(" | ")} |`),
    "",
  ].join("\n");
}

const rows: MatrixRow[] = [];
for (const vendor of VENDORS) {
  const harness = await startVendorHarness(vendor);
  try {
    for (const scenario of harness.set.scenarios) rows.push(toRow(await harness.replay(scenario)));
    for (const problem of harness.set.problems) {
      rows.push({
        vendor: vendor.id,
        operation: "(spec)",
        example: "(pairing)",
        status: 0,
        evidence: "-",
        result: "fail",
        problems: [problem],
      });
    }
  } finally {
    await harness.close();
  }
}

const passed = rows.filter((r) => r.result === "pass").length;
const failed = rows.length - passed;
const cells = table(rows);
console.log(aligned(cells));
for (const row of rows.filter((r) => r.result === "fail")) {
  console.log(`\n${row.vendor} ${row.operation} ${row.example}:\n  ${row.problems.join("\n  ")}`);
}
mkdirSync(REPORT_DIR, { recursive: true });
writeFileSync(
  join(REPORT_DIR, "matrix.json"),
  `${JSON.stringify({ passed, failed, rows }, null, 2)}\n`,
);
writeFileSync(join(REPORT_DIR, "matrix.md"), markdown(cells, passed, failed));
console.log(
  `\n${passed} passed, ${failed} failed — written to conformance/report/matrix.{json,md}`,
);
process.exit(failed === 0 ? 0 : 1);
