import {
  type CampaignProvider,
  checkOperationSupported,
  checkPatchSupported,
  isCampaignkitError,
  type PlannedRequest,
  parseCampaignPatch,
} from "@campaignkit/core";
import type { LineRejection, RawChange } from "./changes-file.js";
import { alreadyApplied, type Change, targetStatus } from "./diff.js";
import type { JournalRecord, Outcome, ResumeState } from "./journal.js";
import { CAPABILITIES, type VendorId } from "./vendors.js";

/** A line that passed validation: ready to be sent. */
export interface ValidChange {
  line: number;
  vendor: VendorId;
  id: string;
  change: Change;
}

/** What happened to one input line; the report has exactly one per line. */
export interface LineOutcome {
  line: number;
  vendor?: string;
  id?: string;
  /** `pause`, `resume`, or the patch's fields: `patch name, status`. */
  change?: string;
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
  if (isCampaignkitError(error)) {
    return {
      line: line.line,
      vendor: line.vendor,
      id: line.id,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      message: error.message,
    };
  }
  return {
    line: line.line,
    vendor: line.vendor,
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
        CAPABILITIES[vendor],
        raw.action === "pause" ? "pauseCampaign" : "resumeCampaign",
      );
      change = { action: raw.action };
      plan = await planner.planUpdate(raw.id, { status: targetStatus(raw.action) });
    } else {
      const patch = parseCampaignPatch(vendor, raw.patch);
      checkPatchSupported(vendor, CAPABILITIES[vendor], patch);
      change = { patch };
      plan = await planner.planUpdate(raw.id, patch);
    }
    return { ok: true, change: { line: raw.line, vendor, id: raw.id, change }, plan };
  } catch (error) {
    return { ok: false, rejection: rejectionOf(raw, error) };
  }
}

export interface EngineOptions {
  providers: (vendor: VendorId) => CampaignProvider;
  /** Appends a journal record and resolves once it is on disk (or at once, without a journal). */
  record: (record: JournalRecord) => void | Promise<void>;
  resume: ResumeState;
  concurrency: number;
  /** Read each campaign first and skip the write when it already shows the change. */
  read: boolean;
  signal: AbortSignal;
  onOutcome?: (outcome: LineOutcome) => void;
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
 * Sends the changes: `concurrency` workers; the lines of one campaign run one after another in
 * file order. A line is read first (unless `read` is off and the journal does not show it
 * interrupted mid-write), skipped as `unchanged` when the campaign already shows the change,
 * else written between a `started` and an `outcome` journal record. A line cut off by the
 * signal gets no outcome: it is `pending`, and a later `--resume` takes it up again.
 */
export async function applyChanges(
  changes: readonly ValidChange[],
  options: EngineOptions,
): Promise<LineOutcome[]> {
  const chains = new Map<string, ValidChange[]>();
  for (const change of changes) {
    const key = `${change.vendor}\u0000${change.id}`;
    const chain = chains.get(key);
    if (chain) chain.push(change);
    else chains.set(key, [change]);
  }
  const queue = [...chains.values()];
  const outcomes: LineOutcome[] = [];
  const finish = (outcome: LineOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };

  const runLine = async (item: ValidChange) => {
    const { line, vendor, id, change } = item;
    const who = { line, vendor, id, change: describeChange(change) };
    if (options.signal.aborted) return finish({ ...who, outcome: "pending" });
    const provider = options.providers(vendor);
    const call = { signal: options.signal };
    const interrupted = options.resume.interrupted.has(line);
    try {
      if (options.read || interrupted) {
        const campaign = await provider.getCampaign(id, call);
        if (alreadyApplied(campaign, change)) {
          const message = interrupted
            ? "applied before the interruption (the campaign already shows the change)"
            : "the campaign already shows the change";
          await options.record({
            type: "outcome",
            line,
            vendor,
            id,
            outcome: "unchanged",
            message,
            at: now(),
          });
          return finish({ ...who, outcome: "unchanged", message });
        }
      }
      // The write goes out only once its `started` record is on disk.
      await options.record({ type: "started", line, vendor, id, at: now() });
      if ("action" in change) {
        if (change.action === "pause") await provider.pauseCampaign(id, call);
        else await provider.resumeCampaign(id, call);
      } else {
        await provider.updateCampaign(id, change.patch, call);
      }
      await options.record({ type: "outcome", line, vendor, id, outcome: "applied", at: now() });
      finish({ ...who, outcome: "applied" });
    } catch (error) {
      if (options.signal.aborted) return finish({ ...who, outcome: "pending" });
      const failure = messageOf(error);
      await options.record({
        type: "outcome",
        line,
        vendor,
        id,
        outcome: "rejected",
        ...failure,
        at: now(),
      });
      finish({ ...who, outcome: "rejected", ...failure });
    }
  };

  const worker = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      for (const item of chain) await runLine(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker),
  );
  return outcomes;
}
