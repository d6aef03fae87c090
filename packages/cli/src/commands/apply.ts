import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CampaignProvider, PlannedRequest } from "@campaignkit/core";
import {
  applyChanges,
  describeChange,
  type LineOutcome,
  type ValidChange,
  validateChange,
} from "../apply-engine.js";
import { parseCommandArgs, positiveInt } from "../args.js";
import { formatOf, type LineRejection, parseChanges } from "../changes-file.js";
import { configFileFrom, requireApiKey, secretsOf, vendorConfig } from "../config.js";
import type { CliContext, Output } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { formatPlan, table } from "../format.js";
import {
  JournalWriteError,
  JournalWriter,
  loadJournal,
  repairJournal,
  resumeStateOf,
} from "../journal.js";
import { lockJournal } from "../journal-lock.js";
import { recordRedactor } from "../journal-redact.js";
import { parseRates } from "../rate-limiter.js";
import type { VendorId } from "../vendors.js";
import { providerFor } from "./vendor-command.js";

export const APPLY_OPTIONS = {
  concurrency: { type: "string" },
  "dry-run": { type: "boolean" },
  journal: { type: "string" },
  resume: { type: "boolean" },
  json: { type: "boolean" },
  "no-read": { type: "boolean" },
  rate: { type: "string", multiple: true },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * What `campaignkit apply` did, as `--json` prints it: the counts, and each line's outcome (with
 * its planned requests on a dry run).
 */
export interface ApplyReport {
  file: string;
  dryRun: boolean;
  journal?: string;
  interrupted: boolean;
  counts: {
    lines: number;
    applied: number;
    unchanged: number;
    rejected: number;
    pending: number;
    planned: number;
  };
  lines: Array<LineOutcome & { plan?: PlannedRequest[] }>;
}

function rejected(rejection: LineRejection): LineOutcome {
  return { ...rejection, outcome: "rejected" };
}

function countsOf(lines: ApplyReport["lines"], planned: number): ApplyReport["counts"] {
  const count = (outcome: string) => lines.filter((line) => line.outcome === outcome).length;
  return {
    lines: lines.length,
    applied: count("applied"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    pending: count("pending"),
    planned,
  };
}

/** Draws `[#####-----] 30/60  applied 20  unchanged 5  rejected 5` on a terminal's stderr. */
class ProgressBar {
  #done = 0;
  readonly #counts = { applied: 0, unchanged: 0, rejected: 0 };

  constructor(
    readonly output: Output,
    readonly total: number,
    readonly enabled: boolean,
  ) {}

  tick(outcome: LineOutcome): void {
    if (outcome.outcome === "pending" || outcome.outcome === "planned") return;
    this.#done++;
    this.#counts[outcome.outcome]++;
    if (!this.enabled) return;
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.#done / this.total) * width);
    const { applied, unchanged, rejected } = this.#counts;
    this.output.err(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.#done}/${this.total}  applied ${applied}  unchanged ${unchanged}  rejected ${rejected}`,
    );
  }

  clear(): void {
    if (this.enabled) this.output.err("\r\u001b[K");
  }
}

function printReport(output: Output, report: ApplyReport): void {
  const { counts } = report;
  const fromJournal = report.lines.filter((line) => line.fromJournal).length;
  output.out(
    `${report.dryRun ? "apply --dry-run" : "apply"} ${report.file}: ${counts.lines} line${counts.lines === 1 ? "" : "s"}\n\n`,
  );
  const rows: Array<[string, string]> = report.dryRun
    ? [
        ["planned", String(counts.planned)],
        ["rejected", String(counts.rejected)],
      ]
    : [
        ["applied", String(counts.applied)],
        ["unchanged", String(counts.unchanged)],
        ["rejected", String(counts.rejected)],
        ...(counts.pending > 0 ? [["not done", String(counts.pending)] as [string, string]] : []),
      ];
  rows.push(["total", String(counts.lines)]);
  output.out(table(["OUTCOME", "LINES"], rows));
  if (fromJournal > 0) {
    output.out(`(${fromJournal} of these outcomes come from the journal of the earlier run)\n`);
  }
  const rejectedLines = report.lines.filter((line) => line.outcome === "rejected");
  if (rejectedLines.length > 0) {
    output.out("\nRejected lines:\n");
    output.out(
      table(
        ["LINE", "VENDOR", "ID", "CODE", "FIELD", "MESSAGE"],
        rejectedLines.map((line) => [
          String(line.line),
          line.vendor ?? "",
          line.id ?? "",
          line.code ?? "",
          line.field ?? "",
          line.message ?? "",
        ]),
      ),
    );
  }
  const unchanged = report.lines.filter(
    (line) => line.outcome === "unchanged" && line.message?.startsWith("applied before"),
  );
  if (unchanged.length > 0) {
    output.out(
      `\nApplied before the interruption (found already in place, not sent again): line ${unchanged.map((line) => line.line).join(", ")}\n`,
    );
  }
  const refused = new Map<string, { message: string; lines: number }>();
  for (const line of report.lines) {
    if (line.outcome !== "pending" || line.code !== "AUTH" || !line.vendor) continue;
    const entry = refused.get(line.vendor) ?? { message: line.message ?? "", lines: 0 };
    entry.lines++;
    refused.set(line.vendor, entry);
  }
  for (const [vendor, { message, lines }] of refused) {
    output.out(`\n${vendor}: ${lines} line(s) ${message}.\n`);
  }
  if (report.interrupted) {
    output.out(
      `\nInterrupted: ${counts.pending} line(s) not done. Run the same command with --resume to finish.\n`,
    );
  }
}

/** `campaignkit apply <changes.jsonl|changes.csv>`. */
export async function applyCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("apply", args, APPLY_OPTIONS);
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError("apply: give the changes file: campaignkit apply changes.jsonl");
  if (extra.length > 0) throw new UsageError(`apply: unexpected argument "${extra[0]}"`);
  const concurrency = positiveInt("concurrency", values.concurrency, 8);
  const rates = parseRates(values.rate ?? []);
  const format = formatOf(file);
  const path = resolve(context.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const configFile = configFileFrom(values.config, context.env, context.cwd);
  output.learnConfig(configFile);

  // 1. Every line is read and validated before anything is sent.
  const planners = new Map<VendorId, CampaignProvider>();
  const plannerFor = (vendor: VendorId) => {
    let planner = planners.get(vendor);
    if (!planner) {
      const config = vendorConfig(vendor, context.env, configFile);
      planner = providerFor(vendor, config, { apiKey: config.apiKey ?? "REDACTED" });
      planners.set(vendor, planner);
    }
    return planner;
  };
  const report: ApplyReport["lines"] = [];
  const valid: Array<ValidChange & { plan: PlannedRequest[] }> = [];
  for (const read of parseChanges(text, format)) {
    if (!read.ok) {
      report.push(rejected(read.rejection));
      continue;
    }
    const result = await validateChange(read.change, plannerFor(read.change.vendor as VendorId));
    if (result.ok) valid.push({ ...result.change, plan: result.plan });
    else report.push(rejected(result.rejection));
  }

  if (values["dry-run"]) {
    for (const change of valid) {
      report.push({
        line: change.line,
        vendor: change.vendor,
        id: change.id,
        change: describeChange(change.change),
        outcome: "planned",
        plan: change.plan,
      });
    }
    report.sort((a, b) => a.line - b.line);
    const result: ApplyReport = {
      file,
      dryRun: true,
      interrupted: false,
      counts: countsOf(report, valid.length),
      lines: report,
    };
    if (values.json) output.json(result);
    else {
      for (const line of report) {
        if (!line.plan) continue;
        output.out(`line ${line.line}  ${line.vendor} ${line.id}  ${line.change}\n`);
        if (line.change === "pause" || line.change === "resume") {
          output.out(
            `   (planned as an update of status; ${line.change} sends the vendor's ${line.change} request)\n`,
          );
        }
        output.out(formatPlan(line.plan, "   "));
      }
      output.out("\n");
      printReport(output, result);
    }
    return result.counts.rejected > 0 ? EXIT.FAILED : EXIT.OK;
  }

  // 2. Credentials for every vendor with something to send, before anything is sent.
  const vendors = [...new Set(valid.map((change) => change.vendor))];
  const providerSettings = new Map(
    vendors.map((vendor) => {
      const config = vendorConfig(vendor, context.env, configFile);
      return [vendor, { config, apiKey: requireApiKey(vendor, config) }] as const;
    }),
  );

  // 3. The journal.
  const journalPath = resolve(context.cwd, values.journal ?? `${file}.journal`);
  const sha256 = createHash("sha256").update(text).digest("hex");
  if (existsSync(journalPath) && !values.resume) {
    throw new UsageError(
      `the journal ${values.journal ?? `${file}.journal`} exists from an earlier run: pass --resume to finish that run, or delete the journal to start over`,
    );
  }
  const lock = lockJournal(journalPath, values.journal ?? `${file}.journal`);
  let resume = resumeStateOf([]);
  if (values.resume) {
    try {
      const loaded = await loadJournal(journalPath);
      resume = loaded.state;
      if (resume.sha256 !== undefined && resume.sha256 !== sha256) {
        throw new UsageError(
          `the journal was written for a different version of ${file}: the file changed since, so line numbers cannot be trusted`,
        );
      }
      repairJournal(journalPath, loaded);
    } catch (error) {
      lock.release();
      if (error instanceof UsageError) throw error;
      throw new UsageError(`the journal cannot be read: ${(error as Error).message}`);
    }
  }
  const redact = recordRedactor(secretsOf(context.env, configFile));
  const journal = new JournalWriter(journalPath, { redact });
  let journalFailure: JournalWriteError | undefined;
  try {
    await journal.append({
      type: "run",
      file: path,
      sha256,
      lines: report.length + valid.length,
      resumed: Boolean(values.resume),
      at: new Date().toISOString(),
    });
    const now = new Date().toISOString();
    for (const line of report) {
      const earlier = resume.outcomes.get(line.line);
      if (earlier) Object.assign(line, { fromJournal: true });
      else {
        await journal.append({
          type: "outcome",
          line: line.line,
          ...(line.vendor ? { vendor: line.vendor } : {}),
          ...(line.id ? { id: line.id } : {}),
          outcome: "rejected",
          ...(line.code ? { code: line.code } : {}),
          ...(line.field ? { field: line.field } : {}),
          ...(line.message ? { message: line.message } : {}),
          at: now,
        });
      }
    }
    const toRun: ValidChange[] = [];
    for (const change of valid) {
      const earlier = resume.outcomes.get(change.line);
      if (!earlier) {
        toRun.push(change);
        continue;
      }
      report.push({
        line: change.line,
        vendor: change.vendor,
        id: change.id,
        change: describeChange(change.change),
        outcome: earlier.outcome,
        ...(earlier.code ? { code: earlier.code } : {}),
        ...(earlier.field ? { field: earlier.field } : {}),
        ...(earlier.message ? { message: earlier.message } : {}),
        fromJournal: true,
      });
    }

    // 4. Send, `concurrency` at a time, each vendor's rate respected.
    const providers = new Map<VendorId, CampaignProvider>();
    const providerOf = (vendor: VendorId) => {
      let provider = providers.get(vendor);
      if (!provider) {
        const settings = providerSettings.get(vendor);
        if (!settings) throw new Error(`no settings for ${vendor}`);
        const rateLimit = rates[vendor];
        provider = providerFor(vendor, settings.config, {
          apiKey: settings.apiKey,
          ...(rateLimit === undefined ? {} : { rateLimit }),
        });
        providers.set(vendor, provider);
      }
      return provider;
    };
    const progress = new ProgressBar(output, toRun.length, context.stderrIsTTY);
    const result = await applyChanges(toRun, {
      providers: providerOf,
      record: (record) => journal.append(record),
      resume,
      concurrency,
      read: !values["no-read"],
      signal: context.signal,
      onOutcome: (outcome) => {
        progress.tick(outcome);
        report.push(redact(outcome));
      },
    });
    journalFailure = result.journalFailure;
    progress.clear();
  } catch (error) {
    if (!(error instanceof JournalWriteError)) throw error;
    journalFailure = error;
  } finally {
    await journal.close();
    lock.release();
  }

  const reported = new Set(report.map((line) => line.line));
  for (const change of valid) {
    if (reported.has(change.line)) continue;
    report.push({
      line: change.line,
      vendor: change.vendor,
      id: change.id,
      change: describeChange(change.change),
      outcome: "pending",
      ...(journalFailure
        ? { code: "JOURNAL", message: `not done: ${journalFailure.message}` }
        : {}),
    });
  }
  report.sort((a, b) => a.line - b.line);
  const interrupted = context.signal.aborted;
  const result: ApplyReport = {
    file,
    dryRun: false,
    journal: values.journal ?? `${file}.journal`,
    interrupted,
    counts: countsOf(report, 0),
    lines: report,
  };
  if (values.json) output.json(result);
  else printReport(output, result);
  if (journalFailure) {
    output.err(
      `error: ${journalFailure.message}: the run stopped before any further request. Make room, then run the same command with --resume\n`,
    );
  }
  if (interrupted) return EXIT.INTERRUPTED;
  return result.counts.rejected > 0 || result.counts.pending > 0 ? EXIT.FAILED : EXIT.OK;
}
