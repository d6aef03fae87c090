import type { Problem } from "./request-problems.js";
import { seedAsisso } from "./seed-asisso.js";
import {
  CampaignStore,
  clone,
  defineSimulation,
  isIanaZone,
  isObject,
  json,
  minutesOf,
  type SimRequest,
  type VendorAction,
  type VendorSimulator,
} from "./simulator.js";
import type { Json, JsonObject } from "./spec/load-spec.js";

const detail = (status: number, text: string) => json(status, { detail: text });

interface ValidationItem extends JsonObject {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** A pydantic-style error type for a JSON-schema message (FastAPI's 422 `type`). */
function errorType(problem: Problem): string {
  const { message } = problem;
  if (message.startsWith("must have required property") || message === "is required")
    return "missing";
  if (message === "must be integer") return problem.in === "body" ? "int_type" : "int_parsing";
  if (message === "must be string") return "string_type";
  if (message === "must be boolean") return "bool_type";
  if (message === "must be number") return "float_type";
  if (message.startsWith("must be <=")) return "less_than_equal";
  if (message.startsWith("must be >=")) return "greater_than_equal";
  if (message.startsWith("must NOT have fewer")) return "too_short";
  if (message.startsWith("must NOT have more")) return "too_long";
  return "value_error";
}

const unprocessable = (items: ValidationItem[]) => json(422, { detail: items });

/**
 * The slot rules vendor-notes infers from Dograh: `HH:MM` times, start before end, a day 0–6,
 * an IANA time zone. The spec cannot state them as keywords (its documented example breaks them).
 */
function scheduleProblems(schedule: Json | undefined): ValidationItem[] {
  if (!isObject(schedule)) return [];
  const items: ValidationItem[] = [];
  const loc = (...path: (string | number)[]) => ["body", "schedule_config", ...path];
  if (schedule.timezone !== undefined && !isIanaZone(schedule.timezone)) {
    items.push({
      loc: loc("timezone"),
      msg: "timezone must be a valid IANA time zone",
      type: "value_error",
    });
  }
  const slots = Array.isArray(schedule.slots) ? schedule.slots : [];
  slots.forEach((slot, index) => {
    if (!isObject(slot)) return;
    const start = minutesOf(slot.start_time);
    const end = minutesOf(slot.end_time);
    for (const [key, minutes] of [
      ["start_time", start],
      ["end_time", end],
    ] as const) {
      if (minutes === undefined || String(slot[key]).length !== 5) {
        items.push({
          loc: loc("slots", index, key),
          msg: `${key} must be in HH:MM format`,
          type: "value_error",
        });
      }
    }
    if (start !== undefined && end !== undefined && end <= start) {
      items.push({
        loc: loc("slots", index),
        msg: "start_time must be before end_time (a slot cannot cross midnight)",
        type: "value_error",
      });
    }
  });
  return items;
}

/** Merges the sent keys of a config object over the stored one (a PATCH is partial). */
function merge(current: Json | undefined, sent: Json | undefined): Json | undefined {
  if (!isObject(sent)) return current;
  return { ...(isObject(current) ? current : {}), ...sent };
}

const UPDATABLE = new Set(["draft", "paused"]);

/** Action → the states it starts from, the state it leads to, and where it is a no-op. */
const ACTIONS: Record<string, { from: string[]; to: string; noop: string[] }> = {
  startCampaign: { from: ["draft"], to: "running", noop: [] },
  pauseCampaign: { from: ["running"], to: "paused", noop: ["paused"] },
  resumeCampaign: { from: ["paused"], to: "running", noop: ["running"] },
};

/** Asisso: FastAPI-style `{"detail"}` errors, X-API-Key, updates only on draft or paused campaigns. */
export function createAsissoSimulator(extra: number): VendorSimulator {
  const store = new CampaignStore(
    () => seedAsisso(extra),
    (c) => String(c.id),
  );

  function update(campaign: JsonObject, body: JsonObject) {
    // FastAPI validates the body before the handler looks at the campaign: 422 before 409.
    const problems = scheduleProblems(body.schedule_config);
    if (problems.length > 0) return unprocessable(problems);
    if (!UPDATABLE.has(String(campaign.state))) {
      return detail(
        409,
        `Campaign can only be updated in draft or paused state (current state: ${campaign.state})`,
      );
    }
    if (typeof body.name === "string") campaign.name = body.name;
    if (typeof body.max_concurrency === "number") campaign.max_concurrency = body.max_concurrency;
    for (const key of ["retry_config", "schedule_config", "circuit_breaker"]) {
      const merged = merge(campaign[key], body[key]);
      if (merged !== undefined) campaign[key] = merged;
    }
    return json(200, clone(campaign));
  }

  function act(campaign: JsonObject, operationId: string) {
    const rule = ACTIONS[operationId];
    const state = String(campaign.state);
    if (!rule) return detail(404, "Not Found");
    if (rule.noop.includes(state)) return json(200, clone(campaign));
    if (!rule.from.includes(state)) {
      const verb = operationId.replace("Campaign", "");
      return detail(409, `Cannot ${verb} a campaign in state ${state}`);
    }
    campaign.state = rule.to;
    if (operationId === "startCampaign") campaign.started_at = new Date().toISOString();
    return json(200, clone(campaign));
  }

  return {
    vendor: "asisso",

    authenticate: (valid) => (valid ? undefined : detail(401, "Invalid or expired API key")),

    invalid: (_request, problems) =>
      unprocessable(
        problems.map((problem) => ({
          loc: problem.in === "request" ? ["body"] : [problem.in, ...problem.field],
          msg: problem.message,
          type: errorType(problem),
        })),
      ),

    noRoute: (allowed) =>
      allowed.length > 0 ? detail(405, "Method Not Allowed") : detail(404, "Not Found"),

    faultBody: (status) => ({ detail: `Injected fault: HTTP ${status}` }),

    handle(request: SimRequest) {
      if (request.operationId === "listCampaigns")
        return json(200, { campaigns: clone(store.all()) });
      const campaign = store.get(Number(request.path.campaign_id));
      if (!campaign) return detail(404, "Campaign not found");
      if (request.operationId === "getCampaign") return json(200, clone(campaign));
      if (request.operationId === "updateCampaign") return update(campaign, request.body ?? {});
      return act(campaign, request.operationId);
    },

    campaigns: () => clone(store.all()),

    record: (id) => store.get(id),

    reset: () => store.reset(),
  };
}

/** What asisso does to a campaign on its own, as its docs describe it (`sandbox.act`). */
const OWN_ACTIONS: Readonly<Record<string, VendorAction>> = {
  autoPause: {
    description:
      'The circuit breaker trips: `state` running → paused, and a `logs[]` entry `{ts, level: "warning", event: "circuit_breaker_tripped", message, details: {}}` is appended.',
    source: "vendor-notes (Dograh, inferred); `level` and `message` values sandbox choice",
    from: (c) => c.state === "running",
    apply(c, now) {
      c.state = "paused";
      const logs = Array.isArray(c.logs) ? c.logs : [];
      logs.push({
        ts: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
        level: "warning",
        event: "circuit_breaker_tripped",
        message: "Circuit breaker tripped: failure rate above the threshold",
        details: {},
      });
      c.logs = logs;
    },
  },
  finish: {
    terminal: true,
    description: "Every contact is processed: `state` running → completed.",
    source: "vendor-notes (wire states, Dograh, inferred)",
    from: (c) => c.state === "running",
    apply(c) {
      c.state = "completed";
    },
  },
};

export const asissoSimulation = defineSimulation({
  vendor: "asisso",
  apiKey: "as_sandbox_asisso_key",
  seed: seedAsisso,
  create: createAsissoSimulator,
  actions: OWN_ACTIONS,
});
