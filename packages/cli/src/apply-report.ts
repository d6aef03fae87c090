import type { PlannedRequest } from "@campaignkit/core";
import type { LineOutcome } from "./apply-engine.js";
import type { Output } from "./context.js";
import { table } from "./format.js";

export interface ApplyCounts {
  lines: number;
  applied: number;
  unchanged: number;
  rejected: number;
  /** Lines not done: no outcome yet (`--resume` runs them), read or not. */
  pending: number;
  planned: number;
}

/** `apply --json`: the counts, and one entry per line read, in the order they were done. */
export interface ApplyReport {
  file: string;
  dryRun: boolean;
  journal?: string;
  interrupted: boolean;
  /** The first line not read (interrupted, or stopped by a journal failure). */
  stoppedAt?: number;
  counts: ApplyCounts;
  lines: Array<LineOutcome & { plan?: PlannedRequest[] }>;
}

/** How many lines of each kind the printed report names; every line is in the journal and `--json`. */
export const LINES_SHOWN = 50;

/** The `limit` lowest-numbered lines of a kind, and how many there were. */
class FirstLines<T extends { line: number }> {
  readonly items: T[] = [];
  count = 0;

  constructor(readonly limit: number) {}

  add(item: T): void {
    this.count++;
    const { items } = this;
    if (items.length === this.limit && (items.at(-1)?.line ?? 0) < item.line) return;
    let at = items.length;
    while (at > 0 && (items[at - 1]?.line ?? 0) > item.line) at--;
    items.splice(at, 0, item);
    if (items.length > this.limit) items.pop();
  }

  /** `3, 7, 12` or `3, 7, 12, … (40 more)`. */
  describe(): string {
    const more = this.count - this.items.length;
    return `${this.items.map((item) => item.line).join(", ")}${more > 0 ? `, … (${more} more)` : ""}`;
  }
}

/**
 * What the report says, tallied line by line as outcomes come (its memory does not grow with
 * the file): counts, the first rejected lines, the reasons lines are not done, and the lines
 * found applied before an interruption.
 */
export class ReportTally {
  readonly counts = { applied: 0, unchanged: 0, rejected: 0, pending: 0, planned: 0 };
  /** Lines with an outcome, plus `pending` ones: every line read. */
  read = 0;
  fromJournal = 0;
  readonly rejected = new FirstLines<LineOutcome>(LINES_SHOWN);
  readonly rejectedByCode = new Map<string, number>();
  readonly notDone = new Map<string, FirstLines<LineOutcome>>();
  readonly appliedBefore = new FirstLines<LineOutcome>(LINES_SHOWN);
  /** The vendor accounts the lines named (`altur acme`), when any line named one. */
  readonly accounts = new Set<string>();

  add(outcome: LineOutcome): void {
    this.read++;
    if (outcome.account !== undefined)
      this.accounts.add(`${outcome.vendor ?? ""} ${outcome.account}`);
    this.counts[outcome.outcome]++;
    if (outcome.fromJournal) this.fromJournal++;
    if (outcome.outcome === "rejected") {
      this.rejected.add(outcome);
      const code = outcome.code ?? "";
      this.rejectedByCode.set(code, (this.rejectedByCode.get(code) ?? 0) + 1);
    } else if (outcome.outcome === "pending" && outcome.message) {
      const reason = `${outcome.vendor && outcome.code === "AUTH" ? `${outcome.vendor}${outcome.account === undefined ? "" : ` (account ${outcome.account})`}: ` : ""}${outcome.message}`;
      let lines = this.notDone.get(reason);
      if (!lines) {
        lines = new FirstLines(LINES_SHOWN);
        this.notDone.set(reason, lines);
      }
      lines.add(outcome);
    } else if (outcome.outcome === "unchanged" && outcome.message?.startsWith("applied before")) {
      this.appliedBefore.add(outcome);
    }
  }

  /** The counts of a file of `lines` lines: every line without an outcome is not done. */
  countsOf(lines: number, dryRun: boolean): ApplyCounts {
    const { applied, unchanged, rejected, planned } = this.counts;
    const done = dryRun ? planned + rejected : applied + unchanged + rejected;
    return { lines, applied, unchanged, rejected, planned, pending: Math.max(0, lines - done) };
  }
}

function jsonFields(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)}`);
}

/** Writes `apply --json` as it goes: the head, one line entry at a time, then the counts. */
export class JsonReportWriter {
  #first = true;

  constructor(
    readonly output: Output,
    head: Pick<ApplyReport, "file" | "dryRun" | "journal">,
  ) {
    output.out(`{\n${jsonFields({ ...head }).join(",\n")},\n  "lines": [`);
  }

  line(entry: ApplyReport["lines"][number]): void {
    this.output.out(`${this.#first ? "\n" : ",\n"}    ${JSON.stringify(entry)}`);
    this.#first = false;
  }

  end(tail: Pick<ApplyReport, "interrupted" | "stoppedAt" | "counts">): void {
    this.output.out(`${this.#first ? "" : "\n  "}],\n${jsonFields({ ...tail }).join(",\n")}\n}\n`);
  }
}

export interface ReportHead {
  file: string;
  dryRun: boolean;
  interrupted: boolean;
  stoppedAt?: number;
  counts: ApplyCounts;
}

/** The printed report: counts, then only the lines that need attention. */
export function printReport(output: Output, head: ReportHead, tally: ReportTally): void {
  const { counts } = head;
  output.out(
    `${head.dryRun ? "apply --dry-run" : "apply"} ${head.file}: ${counts.lines} line${counts.lines === 1 ? "" : "s"}\n\n`,
  );
  const rows: Array<[string, string]> = head.dryRun
    ? [
        ["planned", String(counts.planned)],
        ["rejected", String(counts.rejected)],
      ]
    : [
        ["applied", String(counts.applied)],
        ["unchanged", String(counts.unchanged)],
        ["rejected", String(counts.rejected)],
      ];
  if (counts.pending > 0)
    rows.push([head.dryRun ? "not checked" : "not done", String(counts.pending)]);
  rows.push(["total", String(counts.lines)]);
  output.out(table(["OUTCOME", "LINES"], rows));
  if (tally.accounts.size > 0)
    output.out(`(accounts named by the lines: ${[...tally.accounts].sort().join(", ")})\n`);
  if (tally.fromJournal > 0) {
    output.out(
      `(${tally.fromJournal} of these outcomes come from the journal of the earlier run)\n`,
    );
  }
  printRejected(output, tally);
  for (const [reason, lines] of tally.notDone) {
    output.out(
      `\nNot done (${lines.count} line${lines.count === 1 ? "" : "s"}): ${reason}.\n  line ${lines.describe()}\n`,
    );
  }
  if (tally.appliedBefore.count > 0) {
    output.out(
      `\nApplied before the interruption (found already in place, not sent again): line ${tally.appliedBefore.describe()}\n`,
    );
  }
  if (head.interrupted || head.stoppedAt !== undefined) {
    output.out(
      head.dryRun
        ? `\nInterrupted${head.stoppedAt ? ` at line ${head.stoppedAt}` : ""}: the lines from there on were not checked.\n`
        : `\nInterrupted${head.stoppedAt ? ` at line ${head.stoppedAt}` : ""}: ${counts.pending} line(s) not done. Run the same command with --resume to finish.\n`,
    );
  }
}

function printRejected(output: Output, tally: ReportTally): void {
  const { rejected } = tally;
  if (rejected.count === 0) return;
  const byCode = [...tally.rejectedByCode].map(([code, count]) => `${code} ${count}`).join(", ");
  output.out(
    rejected.count > rejected.items.length
      ? `\nRejected lines (${byCode}), the first ${rejected.items.length} of ${rejected.count} (every one is in the journal and in --json):\n`
      : `\nRejected lines:\n`,
  );
  const accounts = tally.accounts.size > 0;
  output.out(
    table(
      ["LINE", "VENDOR", ...(accounts ? ["ACCOUNT"] : []), "ID", "CODE", "FIELD", "MESSAGE"],
      rejected.items.map((line) => [
        String(line.line),
        line.vendor ?? "",
        ...(accounts ? [line.account ?? ""] : []),
        line.id ?? "",
        line.code ?? "",
        line.field ?? "",
        line.message ?? "",
      ]),
    ),
  );
}
