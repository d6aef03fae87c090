import { createHash } from "node:crypto";
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import type { CampaignProvider } from "@campaignkit/core";
import {
  applyChanges,
  describeChange,
  type LineOutcome,
  type ValidChange,
  validateChange,
} from "../apply-engine.js";
import { ApplyProgress } from "../apply-progress.js";
import { type ApplyReport, JsonReportWriter, printReport, ReportTally } from "../apply-report.js";
import { parseCommandArgs, positiveInt } from "../args.js";
import {
  type ChangesFormat,
  formatFlag,
  formatOf,
  type LineRejection,
  type ReadLine,
  readChanges,
  sniffFormat,
  surveyChanges,
  targetKey,
} from "../changes-file.js";
import {
  accountFor,
  type ConfigFile,
  configFileFrom,
  hasNamedAccounts,
  keySourceOf,
  requireApiKey,
  secretsOf,
  type VendorConfig,
  vendorConfig,
} from "../config.js";
import type { CliContext, Output } from "../context.js";
import { CliFailure, EXIT, UsageError } from "../exit-codes.js";
import { formatPlan } from "../format.js";
import {
  JournalWriteError,
  JournalWriter,
  loadJournal,
  type OutcomeRecord,
  type ResumeState,
  repairJournal,
  resumeStateOf,
} from "../journal.js";
import { type JournalLock, lockJournal } from "../journal-lock.js";
import { recordRedactor } from "../journal-redact.js";
import { parseRates } from "../rate-limiter.js";
import { loadVendors, type VendorId } from "../vendor-loader.js";
import { providerFor } from "./vendor-command.js";

export type { ApplyReport } from "../apply-report.js";

export const APPLY_OPTIONS = {
  concurrency: { type: "string" },
  "dry-run": { type: "boolean" },
  journal: { type: "string" },
  resume: { type: "boolean" },
  json: { type: "boolean" },
  "no-read": { type: "boolean" },
  rate: { type: "string", multiple: true },
  format: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** What one `apply` run was asked to do. */
interface ApplySettings {
  /** The changes file as given, and its absolute path. */
  file: string;
  path: string;
  format: ChangesFormat;
  size: number;
  dryRun: boolean;
  json: boolean;
  resume: boolean;
  read: boolean;
  concurrency: number;
  rates: ReturnType<typeof parseRates>;
  /** The journal as shown to the user, and its absolute path. */
  journal: string;
  journalPath: string;
  configFile: ConfigFile | undefined;
  /** The changes came from standard input (`apply -`), spooled to a temporary file. */
  stdin: boolean;
}

/** The first bytes of a file, as text (for sniffing its format). */
function startOf(path: string): string {
  const buffer = Buffer.alloc(64 * 1024);
  const fd = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * `apply -`: standard input, copied to a temporary file as it comes (never held in memory), so
 * that it can be read twice like a file (survey, then run) and hashed for the journal.
 */
async function spoolStdin(context: CliContext): Promise<{ path: string; sha256: string }> {
  if (!context.stdin) throw new UsageError("apply -: no standard input to read");
  const dir = mkdtempSync(join(tmpdir(), "campaignkit-stdin-"));
  const path = join(dir, "changes");
  const hash = createHash("sha256");
  try {
    await pipeline(
      context.stdin,
      async function* (source: AsyncIterable<Buffer | string>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(`apply -: cannot read standard input (${(error as Error).message})`);
  }
  return { path, sha256: hash.digest("hex") };
}

async function settingsOf(args: readonly string[], context: CliContext): Promise<ApplySettings> {
  const { values, positionals } = parseCommandArgs("apply", args, APPLY_OPTIONS);
  const [file, ...extra] = positionals;
  if (!file)
    throw new UsageError(
      "apply: give the changes file: campaignkit apply changes.jsonl (or - for standard input)",
    );
  if (extra.length > 0) throw new UsageError(`apply: unexpected argument "${extra[0]}"`);
  const concurrency = positiveInt("concurrency", values.concurrency, 8);
  const rates = parseRates(values.rate ?? []);
  const flagged = formatFlag(values.format);
  const configFile = configFileFrom(values.config, context.env, context.cwd);
  /** The settings that do not depend on where the changes come from. */
  const common = (journal: string) => ({
    dryRun: Boolean(values["dry-run"]),
    json: Boolean(values.json),
    resume: Boolean(values.resume),
    read: !values["no-read"],
    concurrency,
    rates,
    journal,
    journalPath: resolve(context.cwd, journal),
    configFile,
  });
  if (file === "-") {
    const spooled = await spoolStdin(context);
    const format = flagged ?? sniffFormat(startOf(spooled.path)) ?? "jsonl";
    // The journal is named by the content's hash: piping the same changes again with
    // --resume finds it.
    const journal = values.journal ?? `campaignkit-stdin-${spooled.sha256.slice(0, 12)}.journal`;
    return {
      ...common(journal),
      file: "-",
      path: spooled.path,
      format,
      size: statSync(spooled.path).size,
      stdin: true,
    };
  }
  const format = flagged ?? formatOf(file);
  const path = resolve(context.cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    throw new UsageError(
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return { ...common(values.journal ?? `${file}.journal`), file, path, format, size, stdin: false };
}

/** `campaignkit apply <changes.jsonl|changes.csv>`. */
export async function applyCommand(
  args: readonly string[],
  context: CliContext,
  output: Output,
): Promise<number> {
  const settings = await settingsOf(args, context);
  try {
    output.learnConfig(settings.configFile);
    // Any line may name any vendor: every vendor's package is loaded before the first line.
    await loadVendors();
    return await (settings.dryRun
      ? dryRun(settings, context, output)
      : applyRun(settings, context, output));
  } finally {
    if (settings.stdin) rmSync(resolve(settings.path, ".."), { recursive: true, force: true });
  }
}

/** What `apply` says of a changes file with no change in it (then it sends nothing and exits 0). */
function noChanges(settings: ApplySettings): string {
  const what = settings.stdin ? "standard input" : settings.file;
  const blank =
    settings.format === "csv" ? "only blank lines, or a header and no row" : "only blank lines";
  return `${what} holds no change (it is empty, or has ${blank}): nothing to do`;
}

/**
 * A vendor account's settings: the line's account (an unknown one is a configuration error
 * naming the known ones, exit 3), else the vendor's default account.
 */
function accountConfig(
  vendor: VendorId,
  account: string | undefined,
  settings: ApplySettings,
  context: CliContext,
): { name: string; config: VendorConfig } {
  const name = accountFor(vendor, settings.configFile, account);
  return {
    name,
    config: vendorConfig(vendor, context.env, settings.configFile, undefined, name),
  };
}

/** Providers that only plan (no key needed): one per vendor account, for validation. */
function plannersOf(settings: ApplySettings, context: CliContext) {
  const planners = new Map<string, CampaignProvider>();
  return (vendor: VendorId, account: string | undefined) => {
    const key = targetKey(vendor, account);
    let planner = planners.get(key);
    if (!planner) {
      const { config } = accountConfig(vendor, account, settings, context);
      planner = providerFor(vendor, config, { apiKey: config.apiKey ?? "REDACTED" });
      planners.set(key, planner);
    }
    return planner;
  };
}

const rejected = (rejection: LineRejection): LineOutcome => ({ ...rejection, outcome: "rejected" });

/** A line as read, validated against its vendor (nothing is sent). */
async function validateLine(
  read: ReadLine,
  plannerFor: (vendor: VendorId, account: string | undefined) => CampaignProvider,
) {
  if (!read.ok) return { ok: false as const, outcome: rejected(read.rejection) };
  const { vendor, account } = read.change;
  const result = await validateChange(read.change, plannerFor(vendor as VendorId, account));
  if (!result.ok) return { ok: false as const, outcome: rejected(result.rejection) };
  return result;
}

/** Where each line's outcome goes as it comes: the tally, the progress bar, `--json`. */
function outcomeSink(
  settings: ApplySettings,
  context: CliContext,
  output: Output,
  head: Pick<ApplyReport, "file" | "dryRun" | "journal">,
) {
  const tally = new ReportTally();
  const progress = new ApplyProgress(
    output,
    settings.size,
    context.stderrIsTTY && !context.quiet,
    settings.dryRun,
  );
  const json = settings.json ? new JsonReportWriter(output, head) : undefined;
  let lastLine = 0;
  return {
    tally,
    progress,
    json,
    lastLine: () => lastLine,
    add(outcome: ApplyReport["lines"][number]) {
      lastLine = Math.max(lastLine, outcome.line);
      tally.add(outcome);
      progress.outcome(outcome);
      json?.line(outcome);
    },
  };
}

/** `--dry-run`: each valid line's plan as it is validated; nothing is sent, no journal. */
async function dryRun(
  settings: ApplySettings,
  context: CliContext,
  output: Output,
): Promise<number> {
  const plannerFor = plannersOf(settings, context);
  const sink = outcomeSink(settings, context, output, { file: settings.file, dryRun: true });
  const reads = readChanges(settings.path, settings.format, {
    signal: context.signal,
    onChunk: (chunk) => sink.progress.read(chunk.length),
  });
  for await (const read of reads) {
    const result = await validateLine(read, plannerFor);
    if (!result.ok) {
      sink.add(result.outcome);
      continue;
    }
    const { change, plan } = result;
    const described = describeChange(change.change);
    sink.add({
      line: change.line,
      vendor: change.vendor,
      ...(change.account === undefined ? {} : { account: change.account }),
      id: change.id,
      change: described,
      outcome: "planned",
      plan,
    });
    if (!settings.json) printPlan(output, change, described, plan);
  }
  sink.progress.clear();
  if (sink.tally.read === 0 && !context.signal.aborted) {
    output.err(`${noChanges(settings)}\n`);
    return EXIT.OK;
  }
  const interrupted = context.signal.aborted;
  const head = {
    file: settings.file,
    dryRun: true,
    interrupted,
    ...(interrupted ? { stoppedAt: sink.lastLine() + 1 } : {}),
    counts: sink.tally.countsOf(sink.tally.read, true),
  };
  if (sink.json) sink.json.end(head);
  else {
    output.out("\n");
    printReport(output, head, sink.tally);
  }
  if (interrupted) return EXIT.INTERRUPTED;
  return head.counts.rejected > 0 ? EXIT.FAILED : EXIT.OK;
}

function printPlan(
  output: Output,
  change: ValidChange,
  described: string,
  plan: Parameters<typeof formatPlan>[0],
): void {
  const account = change.account === undefined ? "" : ` (account ${change.account})`;
  output.out(`line ${change.line}  ${change.vendor}${account} ${change.id}  ${described}\n`);
  if ("action" in change.change) {
    const { action } = change.change;
    output.out(
      `   (planned as an update of status; ${action} sends the vendor's ${action} request)\n`,
    );
  }
  output.out(formatPlan(plan, "   "));
}

type Credentials = Map<string, { config: VendorConfig; apiKey: string }>;

/**
 * The key of every vendor account the file names, before anything is sent (else exit 3: no
 * key, or an account the config file does not have).
 */
function credentialsOf(
  targets: Iterable<{ vendor: string; account?: string }>,
  settings: ApplySettings,
  context: CliContext,
): Credentials {
  return new Map(
    [...targets].map(({ vendor, account }) => {
      const id = vendor as VendorId;
      const { name, config } = accountConfig(id, account, settings, context);
      const apiKey = requireApiKey(id, config, { name, file: settings.configFile });
      return [targetKey(vendor, account), { config, apiKey }] as const;
    }),
  );
}

/**
 * One sending provider per vendor account, with its key and rate: each has its own credential
 * guard and rate limiter (core keys those by vendor and key).
 */
function providersOf(credentials: Credentials, settings: ApplySettings, context: CliContext) {
  const providers = new Map<string, CampaignProvider>();
  return (vendor: VendorId, account?: string) => {
    const key = targetKey(vendor, account);
    let provider = providers.get(key);
    if (!provider) {
      const credential = credentials.get(key);
      if (!credential) throw new Error(`no settings for ${vendor}${account ? ` ${account}` : ""}`);
      const rateLimit = settings.rates[vendor];
      provider = providerFor(
        vendor,
        credential.config,
        { apiKey: credential.apiKey, ...(rateLimit === undefined ? {} : { rateLimit }) },
        context,
      );
      providers.set(key, provider);
    }
    return provider;
  };
}

/** The run's journal: checked against the file, locked, repaired after a kill, open to append. */
async function openJournal(
  settings: ApplySettings,
  sha256: string,
  redact: <T>(value: T) => T,
): Promise<{ writer: JournalWriter; resume: ResumeState; lock: JournalLock }> {
  if (existsSync(settings.journalPath) && !settings.resume) {
    throw new UsageError(
      `the journal ${settings.journal} exists from an earlier run: pass --resume to finish that run, or delete the journal to start over`,
    );
  }
  const lock = lockJournal(settings.journalPath, settings.journal);
  try {
    let resume = resumeStateOf([]);
    if (settings.resume) {
      const loaded = await loadJournal(settings.journalPath).catch((error: Error) => {
        throw new UsageError(`the journal cannot be read: ${error.message}`);
      });
      resume = loaded.state;
      if (resume.sha256 !== undefined && resume.sha256 !== sha256) {
        throw new UsageError(
          `the journal was written for a different version of ${settings.file}: the file changed since, so line numbers cannot be trusted`,
        );
      }
      repairJournal(settings.journalPath, loaded);
    }
    return { writer: new JournalWriter(settings.journalPath, { redact }), resume, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The outcome an earlier run journaled for a line: shown, not run again. */
function fromJournal(read: ReadLine, earlier: OutcomeRecord): LineOutcome {
  const who = read.ok ? read.change : read.rejection;
  return {
    line: earlier.line,
    ...((earlier.vendor ?? who.vendor) ? { vendor: earlier.vendor ?? who.vendor } : {}),
    ...((earlier.account ?? who.account) ? { account: earlier.account ?? who.account } : {}),
    ...((earlier.id ?? who.id) ? { id: earlier.id ?? who.id } : {}),
    outcome: earlier.outcome,
    ...(earlier.code ? { code: earlier.code } : {}),
    ...(earlier.field ? { field: earlier.field } : {}),
    ...(earlier.message ? { message: earlier.message } : {}),
    fromJournal: true,
  };
}

/**
 * The lines to send, as the file is read: a line the journal already has an outcome for is
 * reported from it; a line that fails validation is journaled and reported `rejected`; the
 * rest go on to the engine. Stops between two lines on a signal or a journal failure.
 */
async function* changesToSend(
  settings: ApplySettings,
  context: CliContext,
  run: {
    resume: ResumeState;
    journal: JournalWriter;
    report: (outcome: LineOutcome) => void;
    onChunk: (chunk: Buffer) => void;
    stop: (line: number) => void;
  },
): AsyncGenerator<ValidChange> {
  const plannerFor = plannersOf(settings, context);
  const reads = readChanges(settings.path, settings.format, {
    signal: context.signal,
    onChunk: run.onChunk,
  });
  for await (const read of reads) {
    const line = read.ok ? read.change.line : read.rejection.line;
    if (context.signal.aborted || run.journal.failure) return run.stop(line);
    const earlier = run.resume.outcomes.get(line);
    if (earlier) {
      run.report(fromJournal(read, earlier));
      continue;
    }
    const result = await validateLine(read, plannerFor);
    if (result.ok) {
      yield result.change;
      continue;
    }
    const { outcome } = result;
    // Not awaited: a failure breaks the writer, and the next line stops the run.
    run.journal
      .append({
        type: "outcome",
        line,
        ...(outcome.vendor ? { vendor: outcome.vendor } : {}),
        ...(outcome.account ? { account: outcome.account } : {}),
        ...(outcome.id ? { id: outcome.id } : {}),
        outcome: "rejected",
        ...(outcome.code ? { code: outcome.code } : {}),
        ...(outcome.field ? { field: outcome.field } : {}),
        ...(outcome.message ? { message: outcome.message } : {}),
        at: new Date().toISOString(),
      })
      .catch(() => {});
    run.report(outcome);
  }
}

/** A real run: survey the file, take its journal, then read, validate, send and report as one stream. */
async function applyRun(
  settings: ApplySettings,
  context: CliContext,
  output: Output,
): Promise<number> {
  const survey = await surveyChanges(settings.path, settings.format, context.signal);
  if (context.signal.aborted) {
    output.err("interrupted before anything was sent\n");
    return EXIT.INTERRUPTED;
  }
  if (survey.lines === 0) {
    output.err(`${noChanges(settings)}\n`);
    return EXIT.OK;
  }
  const credentials = credentialsOf(survey.targets.values(), settings, context);
  const redact = recordRedactor(secretsOf(context.env, settings.configFile));
  const journal = await openJournal(settings, survey.sha256, redact);
  const sink = outcomeSink(settings, context, output, {
    file: settings.file,
    dryRun: false,
    journal: settings.journal,
  });
  const hash = createHash("sha256");
  let stoppedAt: number | undefined;
  let journalFailure: JournalWriteError | undefined;
  try {
    await journal.writer.append({
      type: "run",
      file: settings.stdin ? "-" : settings.path,
      sha256: survey.sha256,
      lines: survey.lines,
      resumed: settings.resume,
      at: new Date().toISOString(),
    });
    const changes = changesToSend(settings, context, {
      resume: journal.resume,
      journal: journal.writer,
      report: (outcome) => sink.add(redact(outcome)),
      onChunk: (chunk) => {
        hash.update(chunk);
        sink.progress.read(chunk.length);
      },
      stop: (line) => {
        stoppedAt = line;
      },
    });
    const result = await applyChanges(changes, {
      providers: providersOf(credentials, settings, context),
      keySourceOf: (vendor, account) => {
        if (!hasNamedAccounts(vendor, settings.configFile)) return undefined;
        const source = keySourceOf(vendor, account, settings.configFile);
        return `${source.variable}, or ${source.entry} in the config file`;
      },
      record: (record) => journal.writer.append(record),
      resume: journal.resume,
      concurrency: settings.concurrency,
      read: settings.read,
      signal: context.signal,
      onOutcome: (outcome) => sink.add(redact(outcome)),
    });
    journalFailure = result.journalFailure;
    stoppedAt = stoppedAt ?? result.stoppedAt;
  } catch (error) {
    if (!(error instanceof JournalWriteError)) throw error;
    journalFailure = error;
  } finally {
    sink.progress.clear();
    await journal.writer.close();
    journal.lock.release();
  }
  journalFailure ??= journal.writer.failure;
  const interrupted = context.signal.aborted;
  const head = {
    file: settings.file,
    dryRun: false,
    interrupted,
    ...(stoppedAt === undefined ? {} : { stoppedAt }),
    counts: sink.tally.countsOf(survey.lines, false),
  };
  if (sink.json) sink.json.end(head);
  else printReport(output, head, sink.tally);
  const { reportError } = await import("../error-report.js");
  if (journalFailure) {
    reportError(
      new CliFailure(
        "JOURNAL_WRITE",
        `${journalFailure.message}: the run stopped before any further request`,
        { hint: "make room, then run the same command with --resume" },
      ),
      output,
      { json: settings.json },
    );
    return EXIT.FAILED;
  }
  if (interrupted) return EXIT.INTERRUPTED;
  const whole = stoppedAt === undefined && hash.digest("hex") !== survey.sha256;
  if (whole) {
    reportError(
      new CliFailure("INPUT_CHANGED", `${settings.file} changed while it was applied`, {
        hint: "check it, then run again with --resume",
      }),
      output,
      { json: settings.json },
    );
    return EXIT.FAILED;
  }
  return head.counts.rejected > 0 || head.counts.pending > 0 ? EXIT.FAILED : EXIT.OK;
}
