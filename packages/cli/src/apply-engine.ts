import {
  type CampaignkitError,
  type CampaignProvider,
  checkOperationSupported,
  checkPatchSupported,
  isCampaignkitError,
  isCredentialRefusal,
  newRequestId,
  type PlannedRequest,
  parseCampaignPatch,
} from "@campaignkit/core";
import type { LineRejection, RawChange } from "./changes-file.js";
import { alreadyApplied, type Change, remainingPatch, targetStatus } from "./diff.js";
import {
  type JournalRecord,
  JournalWriteError,
  type Outcome,
  type OutcomeRecord,
  type ResumeState,
} from "./journal.js";
import type { VendorId } from "./vendor-loader.js";

/** A line that passed validation: ready to be sent. */
export interface ValidChange {
  line: number;
  vendor: VendorId;
  /** The vendor account (absent: the default one). */
  account?: string;
  id: string;
  change: Change;
}

/** What happened to one input line; the report has exactly one per line. */
export interface LineOutcome {
  line: number;
  vendor?: string;
  /** The vendor account the line named, if it named one. */
  account?: string;
  id?: string;
  /** `pause`, `resume`, or the patch's fields: `patch name, status`. */
  change?: string;
  /**
   * `pending`: not done, no outcome in the journal (`--resume` runs it): cut off by a signal, or
   * its vendor refused the credential (then `code` is `AUTH` and `message` says so), or part of
   * its requests landed with an answer that could not be read and the rest were not sent.
   */
  outcome: Outcome | "pending" | "planned";
  code?: string;
  field?: string;
  message?: string;
  /** The outcome comes from the journal of an earlier run (`--resume`). */
  fromJournal?: boolean;
}

export function describeChange(change: Change): string {
  if ("action" in change) return change.action;
  const fields: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (inner === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof inner === "object" && inner !== null && prefix === "") walk(inner, path);
      else fields.push(path);
    }
  };
  walk(change.patch, "");
  return `set ${fields.join(", ")}`;
}

function rejectionOf(line: RawChange, error: unknown): LineRejection {
  const account = line.account === undefined ? {} : { account: line.account };
  if (isCampaignkitError(error)) {
    return {
      line: line.line,
      vendor: line.vendor,
      ...account,
      id: line.id,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      message: error.message,
    };
  }
  return {
    line: line.line,
    vendor: line.vendor,
    ...account,
    id: line.id,
    code: "VALIDATION",
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Validates one line before anything is sent: core's `parseCampaignPatch` and
 * `checkPatchSupported` against the vendor's capabilities, then the provider's own checks
 * (the id's form) through `planUpdate`, which sends nothing. Returns the plan as well.
 */
export async function validateChange(
  raw: RawChange,
  planner: CampaignProvider,
): Promise<
  | { ok: true; change: ValidChange; plan: PlannedRequest[] }
  | { ok: false; rejection: LineRejection }
> {
  const vendor = raw.vendor as VendorId;
  try {
    let change: Change;
    let plan: PlannedRequest[];
    if (raw.action) {
      checkOperationSupported(
        vendor,
        planner.capabilities,
        raw.action === "pause" ? "pauseCampaign" : "resumeCampaign",
      );
      change = { action: raw.action };
      plan = await planner.planUpdate(raw.id, { status: targetStatus(raw.action) });
    } else {
      const patch = parseCampaignPatch(vendor, raw.patch);
      checkPatchSupported(vendor, planner.capabilities, patch);
      change = { patch };
      plan = await planner.planUpdate(raw.id, patch);
    }
    const account = raw.account === undefined ? {} : { account: raw.account };
    return { ok: true, change: { line: raw.line, vendor, ...account, id: raw.id, change }, plan };
  } catch (error) {
    return { ok: false, rejection: rejectionOf(raw, error) };
  }
}

export interface EngineOptions {
  /** The sending provider of a vendor account (`account` undefined: the default one). */
  providers: (vendor: VendorId, account?: string) => CampaignProvider;
  /** Where a named account's key is set, for the message of a refused key (else nothing). */
  keySourceOf?: (vendor: VendorId, account: string) => string | undefined;
  /** Appends a journal record and resolves once it is on disk (or at once, without a journal). */
  record: (record: JournalRecord) => void | Promise<void>;
  resume: ResumeState;
  concurrency: number;
  /** Read each campaign first and skip the write when it already shows the change. */
  read: boolean;
  signal: AbortSignal;
  onOutcome: (outcome: LineOutcome) => void;
}

/** Why the engine stopped taking lines before the end of its input, if it did. */
export interface EngineResult {
  /** A journal record could not be written: no request was sent after it. */
  journalFailure?: JournalWriteError;
  /** The first line not taken (interrupted or stopped): it and every later one are not done. */
  stoppedAt?: number;
}

const now = () => new Date().toISOString();

function messageOf(error: unknown): { code: string; field?: string; message: string } {
  if (isCampaignkitError(error)) {
    const applied = error.details?.applied;
    const partly =
      Array.isArray(applied) && applied.length > 0
        ? ` (already applied before the failure: ${applied.join(", ")})`
        : "";
    return {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      message: `${error.message}${partly}`,
    };
  }
  return { code: "VENDOR", message: error instanceof Error ? error.message : String(error) };
}

/**
 * A write the vendor took (it answered 2xx) whose answer could not be read (over the size cap,
 * cut off): core says so with `details.answerUnread` and the write's purpose in
 * `details.applied`. `"whole"`: every request of the line landed; `"partly"`: later requests of
 * the line were not sent (`details.notSent`). Undefined for any other error.
 */
function unreadWrite(error: unknown): "whole" | "partly" | undefined {
  if (!isCampaignkitError(error) || error.details?.answerUnread !== true) return undefined;
  const { applied, failed, notSent } = error.details;
  if (!Array.isArray(applied) || applied.length === 0 || failed !== undefined) return undefined;
  return Array.isArray(notSent) && notSent.length > 0 ? "partly" : "whole";
}

/** The vendor's own request id of a failed call, as a journal record's field. */
function vendorRequestIdOf(error: unknown): { vendorRequestId?: string } {
  const id = isCampaignkitError(error) ? error.vendorRequestId : undefined;
  return id === undefined ? {} : { vendorRequestId: id };
}

/** Why a line of a vendor (account) whose credential was refused is not done. */
function refusalOf(
  error: CampaignkitError,
  account: string | undefined,
  where: string | undefined,
): { code: string; message: string } {
  const who = account === undefined ? error.vendor : `${error.vendor} account ${account}`;
  return {
    code: "AUTH",
    message: `not done: ${who} refused the credential (${error.message}); no further line of ${who} is sent. Correct the key${where ? ` (${where})` : ""}, then run again with --resume`,
  };
}

function journalReason(failure: JournalWriteError): { code: string; message: string } {
  return {
    code: "JOURNAL",
    message: `not done: ${failure.message}; the run stopped before any further request`,
  };
}

/**
 * Sends the changes as they come (an iterable, sync or async: the file is never held whole):
 * at most `concurrency` lines at a time; the lines of one campaign run one after another in
 * file order. A line is read first (unless `read` is off and the journal does not show it
 * interrupted mid-write), skipped as `unchanged` when the campaign already shows the change,
 * else written between a `started` and an `outcome` journal record. Each line's outcome goes to
 * `onOutcome` once known.
 *
 * Lines get no outcome record (they are `pending`, and a later `--resume` runs them) when:
 * the signal cuts them off (the engine then takes no further line); their vendor refused the
 * credential (`isCredentialRefusal`: the line that met the refusal and every later line of that
 * vendor, never sent; other vendors' lines go on); or a journal record could not be written
 * (the engine stops: no request leaves after a failed record, and none without its `started`
 * record on disk).
 */
export async function applyChanges(
  changes: Iterable<ValidChange> | AsyncIterable<ValidChange>,
  options: EngineOptions,
): Promise<EngineResult> {
  // Keyed by vendor and account: a refused key stops only its own account's lines.
  const refused = new Map<string, { code: string; message: string }>();
  let journalFailure: JournalWriteError | undefined;
  const record = async (entry: JournalRecord) => {
    if (journalFailure) throw journalFailure;
    try {
      await options.record(entry);
    } catch (error) {
      journalFailure ??=
        error instanceof JournalWriteError ? error : new JournalWriteError("journal", error);
      throw journalFailure;
    }
  };
  const stopped = () => journalFailure !== undefined || options.signal.aborted;

  const runLine = async (item: ValidChange): Promise<void> => {
    const { line, vendor, account, id, change } = item;
    const target = account === undefined ? vendor : `${vendor}\u0000${account}`;
    const named = account === undefined ? {} : { account };
    const who = { line, vendor, ...named, id, change: describeChange(change) };
    const finish = (outcome: Omit<LineOutcome, keyof typeof who>) =>
      options.onOutcome({ ...who, ...outcome });
    const notDone = () =>
      finish({
        outcome: "pending",
        ...(journalFailure ? journalReason(journalFailure) : (refused.get(target) ?? {})),
      });
    if (stopped() || refused.has(target)) return notDone();
    const provider = options.providers(vendor, account);
    // One request id for the line's calls (read and write): its journal records carry it.
    const requestId = newRequestId();
    const call = { signal: options.signal, requestId };
    /** The line's outcome record, with what every record of the line carries. */
    const recordOutcome = (
      outcome: Omit<
        OutcomeRecord,
        "type" | "line" | "vendor" | "account" | "id" | "requestId" | "at"
      >,
    ) => record({ type: "outcome", line, vendor, ...named, id, requestId, ...outcome, at: now() });
    const interrupted = options.resume.interrupted.has(line);
    let toSend = change;
    try {
      if (options.read || interrupted) {
        const campaign = await provider.getCampaign(id, call);
        // A line cut off mid-write sends only what the campaign does not show yet.
        if (interrupted && "patch" in change)
          toSend = { patch: remainingPatch(campaign, change.patch) };
        if (alreadyApplied(campaign, change)) {
          const message = interrupted
            ? "applied before the interruption (the campaign already shows the change)"
            : "the campaign already shows the change";
          await recordOutcome({ outcome: "unchanged", message });
          return finish({ outcome: "unchanged", message });
        }
      }
      if (stopped() || refused.has(target)) return notDone();
      // The write goes out only once its `started` record is on disk.
      await record({ type: "started", line, vendor, ...named, id, requestId, at: now() });
      if (stopped()) return notDone();
      if ("action" in toSend) {
        if (toSend.action === "pause") await provider.pauseCampaign(id, call);
        else await provider.resumeCampaign(id, call);
      } else {
        await provider.updateCampaign(id, toSend.patch, call);
      }
      try {
        await recordOutcome({ outcome: "applied" });
      } catch {
        return finish({
          outcome: "applied",
          message: "applied; its outcome could not be journaled (a --resume reads it again)",
        });
      }
      finish({ outcome: "applied" });
    } catch (error) {
      if (error === journalFailure) return notDone();
      if (options.signal.aborted) return notDone();
      if (isCredentialRefusal(error)) {
        if (!refused.has(target)) {
          const where = account === undefined ? undefined : options.keySourceOf?.(vendor, account);
          refused.set(target, refusalOf(error, account, where));
        }
        return notDone();
      }
      const unread = unreadWrite(error);
      if (unread === "whole") {
        // The vendor took the write: applied, not rejected, however its answer looked.
        const message = `applied; the vendor's answer could not be read (${(error as Error).message})`;
        try {
          await recordOutcome({ outcome: "applied", message, ...vendorRequestIdOf(error) });
        } catch {
          return finish({
            outcome: "applied",
            message: `${message}; its outcome could not be journaled (a --resume reads it again)`,
          });
        }
        return finish({ outcome: "applied", message });
      }
      if (unread === "partly") {
        // Part of the line landed: no outcome (its `started` record stays), so --resume reads the
        // campaign and sends only what it does not show yet.
        const { applied, notSent } = (error as CampaignkitError).details ?? {};
        return finish({
          outcome: "pending",
          code: (error as CampaignkitError).code,
          message: `not done: partly applied (${String(applied)}); the vendor's answer could not be read, so ${String(notSent)} was not sent. Run again with --resume: it reads the campaign and sends the rest`,
        });
      }
      const failure = messageOf(error);
      try {
        await recordOutcome({ outcome: "rejected", ...failure, ...vendorRequestIdOf(error) });
      } catch {
        // Known, but not journaled: a --resume tries the line again.
        return finish({
          outcome: "pending",
          ...failure,
          ...(journalFailure ? journalReason(journalFailure) : {}),
        });
      }
      finish({ outcome: "rejected", ...failure });
    }
  };

  const concurrency = Math.max(1, options.concurrency);
  const running = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();
  // Woken by the next line to finish. (`Promise.race(running)` would add a reaction to every
  // running line each time a slot is awaited, and keep them all until each line ends.)
  let slotFreed: (() => void) | undefined;
  const freeSlot = () =>
    new Promise<void>((resolve) => {
      slotFreed = resolve;
    });
  let stoppedAt: number | undefined;
  for await (const item of changes) {
    while (running.size >= concurrency) await freeSlot();
    if (stopped()) {
      stoppedAt = item.line;
      break;
    }
    // One campaign is one id on one vendor account.
    const key = `${item.vendor}\u0000${item.account ?? ""}\u0000${item.id}`;
    const before = tails.get(key);
    const task: Promise<void> = (before ? before.then(() => runLine(item)) : runLine(item)).finally(
      () => {
        running.delete(task);
        if (tails.get(key) === task) tails.delete(key);
        slotFreed?.();
        slotFreed = undefined;
      },
    );
    tails.set(key, task);
    running.add(task);
  }
  await Promise.all(running);
  return {
    ...(journalFailure ? { journalFailure } : {}),
    ...(stoppedAt === undefined ? {} : { stoppedAt }),
  };
}
