import { describeProblem, type Problem } from "./request-problems.js";
import { type AlturRecord, seedAltur } from "./seed-altur.js";
import {
  type Answer,
  CampaignStore,
  clone,
  defineSimulation,
  isObject,
  json,
  type SimRequest,
  type VendorAction,
  type VendorSimulator,
} from "./simulator.js";
import type { Json, JsonObject } from "./spec/load-spec.js";

/** Altur's error body: the code under `error` (the spec's assumption), documented keys beside it. */
const error = (status: number, code: string, extra: JsonObject = {}): Answer =>
  json(status, { error: code, ...extra });

/** Status → the statuses a status change leads to from it (archive sets a separate boolean). */
const TARGETS: Record<string, string[]> = {
  pending: ["active"],
  ready: ["active"],
  cooldown: ["active", "inactive"],
  active: ["inactive"],
  inactive: ["active"],
  finished: [],
};

/** Action → the statuses it starts from, its target, and the status where it is a no-op. */
const TRANSITIONS: Record<string, { from: string[]; to: string; noop?: string }> = {
  activate: { from: ["pending", "ready", "cooldown"], to: "active" },
  pause: { from: ["active", "cooldown"], to: "inactive", noop: "inactive" },
  resume: { from: ["inactive"], to: "active", noop: "active" },
};

const IMMUTABLE_TOP = ["agent_id", "integration_id", "integration_type"] as const;
const isImmutablePath = (path: string): boolean =>
  (IMMUTABLE_TOP as readonly string[]).includes(path) ||
  path === "cycles.enabled" ||
  path === "cycles.mode";
const CYCLE_SCHEDULE_FIELDS = ["schedule", "schedule_start_date", "schedule_end_date"];
/** PATCH fields the documented campaign body does not carry: kept, never answered. */
const SETTINGS = [
  "description",
  "timezone",
  "retries",
  "message_limit",
  "first_message",
  "template",
  "template_alt",
];

function mergeWeek(current: Json | undefined, sent: JsonObject): JsonObject {
  const week = isObject(current) ? clone(current) : {};
  for (const [day, window] of Object.entries(sent)) {
    week[day] = { ...(isObject(week[day]) ? week[day] : {}), ...(window as JsonObject) };
  }
  return week;
}

/** The first documented PATCH refusal that applies, in this order (Altur documents none). */
function refusal(record: AlturRecord, body: JsonObject): Answer | undefined {
  const { wire } = record;
  if (wire.status === "finished") return error(409, "CAMPAIGN_FINISHED");
  const cycles = isObject(body.cycles) ? body.cycles : undefined;
  const immutable = [
    ...IMMUTABLE_TOP.filter((field) => body[field] !== undefined),
    ...(["enabled", "mode"] as const)
      .filter((field) => cycles?.[field] !== undefined)
      .map((field) => `cycles.${field}`),
  ];
  if (immutable[0]) {
    return error(400, "IMMUTABLE_FIELD", {
      field: immutable[0],
      message: `${immutable[0]} cannot be modified after creation`,
    });
  }
  if (cycles && Object.keys(cycles).length > 0) {
    const enabled = isObject(wire.cycles) && wire.cycles.enabled === true;
    if (!enabled) return error(400, "CYCLES_NOT_ENABLED");
    if (
      record.cyclesMode !== "scheduled" &&
      CYCLE_SCHEDULE_FIELDS.some((field) => cycles[field] !== undefined)
    ) {
      return error(400, "SCHEDULED_MODE_ONLY");
    }
  }
  return undefined;
}

function inWindow(createdAt: Json | undefined, start: string, end: string): boolean {
  const at = Date.parse(String(createdAt));
  const from = Date.parse(start);
  // A bare date as the end covers that whole day.
  const to = Date.parse(end) + (/^\d{4}-\d{2}-\d{2}$/.test(end) ? 86_400_000 : 1);
  return at >= from && at < to;
}

/** Altur: `Authorization: api-key KEY`, documented status transitions, 12 requests per second. */
export function createAlturSimulator(extra: number): VendorSimulator {
  const store = new CampaignStore<AlturRecord>(
    () => seedAltur(extra),
    (record) => String(record.wire.id),
  );

  function list(query: JsonObject): Answer {
    const { agentId, status, integration, startDate, endDate } = query;
    if ((startDate === undefined) !== (endDate === undefined)) {
      const missing = startDate === undefined ? "startDate" : "endDate";
      return error(400, "VALIDATION_ERROR", {
        field: missing,
        message: "startDate and endDate must be given together",
      });
    }
    for (const [name, value] of [
      ["startDate", startDate],
      ["endDate", endDate],
    ] as const) {
      if (value !== undefined && Number.isNaN(Date.parse(String(value)))) {
        return error(400, "VALIDATION_ERROR", { field: name, message: `${name} is not ISO 8601` });
      }
    }
    const campaigns = store
      .all()
      .filter((r) => agentId === undefined || (r.wire.agent as JsonObject)?.id === agentId)
      .filter((r) => status === undefined || r.wire.status === status)
      .filter((r) => integration === undefined || r.integrationType === integration)
      .filter(
        (r) =>
          startDate === undefined ||
          inWindow(r.wire.created_at, String(startDate), String(endDate)),
      )
      .map((r) => clone(r.wire));
    return json(200, {
      total_count: campaigns.length,
      campaigns,
      pagination: {
        has_next: false,
        has_previous: false,
        next_cursor: null,
        previous_cursor: null,
      },
    });
  }

  function update(record: AlturRecord, body: JsonObject): Answer {
    const refused = refusal(record, body);
    if (refused) return refused;
    const { wire } = record;
    if (typeof body.name === "string") wire.name = body.name;
    if (isObject(body.scheduling)) wire.scheduling = mergeWeek(wire.scheduling, body.scheduling);
    if (isObject(body.cycles) && isObject(wire.cycles)) {
      const cycles = wire.cycles;
      for (const [key, value] of Object.entries(body.cycles)) {
        cycles[key] =
          key === "schedule" && isObject(value) ? mergeWeek(cycles.schedule, value) : value;
      }
    }
    for (const key of SETTINGS) if (body[key] !== undefined) record.settings[key] = body[key];
    return json(200, { success: true, campaign: clone(wire) });
  }

  function act(record: AlturRecord, action: string): Answer {
    const { wire } = record;
    const done = () => json(200, { success: true, campaign: clone(wire) });
    if (action === "archive") {
      wire.archived = true;
      return done();
    }
    const rule = TRANSITIONS[action];
    const current = String(wire.status);
    if (!rule) return error(400, "UNKNOWN_ACTION");
    if (rule.noop === current) return done();
    if (!rule.from.includes(current)) {
      return error(409, "INVALID_STATUS_TRANSITION", {
        current_status: current,
        valid_targets: TARGETS[current] ?? [],
      });
    }
    wire.status = rule.to;
    return done();
  }

  return {
    vendor: "altur",

    rateLimit: { perSecond: 12, answer: () => error(429, "RATE_LIMITED", {}) },

    authenticate: (valid) => (valid ? undefined : error(401, "UNAUTHORIZED")),

    invalid(request, problems: readonly Problem[]) {
      // The spec leaves the immutable fields out of the PATCH schema, so a body that sends one
      // breaks it: Altur answers such a body with its documented refusal, not a validation error.
      const record =
        request.operationId === "updateCampaign" && isObject(request.body)
          ? store.get(String(request.path.id))
          : undefined;
      const refused = record && isObject(request.body) ? refusal(record, request.body) : undefined;
      if (
        refused &&
        problems.every(
          (p) =>
            p.in === "body" &&
            p.params.additionalProperty !== undefined &&
            isImmutablePath(p.field.join(".")),
        )
      ) {
        return refused;
      }
      if (
        request.operationId === "runCampaignAction" &&
        problems.some((p) => p.in === "path" && p.field[0] === "action")
      ) {
        return error(400, "UNKNOWN_ACTION");
      }
      const [first] = problems;
      return error(400, "VALIDATION_ERROR", {
        ...(first && first.field.length > 0 ? { field: first.field.join(".") } : {}),
        message: problems.map(describeProblem).join("; "),
      });
    },

    noRoute: (allowed) =>
      allowed.length > 0 ? error(405, "METHOD_NOT_ALLOWED") : error(404, "NOT_FOUND"),

    faultBody(status) {
      const codes: Record<number, string> = {
        401: "UNAUTHORIZED",
        402: "BILLING_LIMIT_REACHED",
        429: "RATE_LIMITED",
      };
      return { error: codes[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "ERROR") };
    },

    handle(request: SimRequest) {
      if (request.operationId === "listCampaigns") return list(request.query);
      const record = store.get(Number(request.path.id));
      if (!record) return error(404, "NOT_FOUND");
      if (request.operationId === "getCampaign")
        return json(200, { success: true, campaign: clone(record.wire) });
      if (request.operationId === "updateCampaign") return update(record, request.body ?? {});
      return act(record, String(request.path.action));
    },

    campaigns: () => store.all().map((record) => clone(record.wire)),

    record: (id) => store.get(id)?.wire,

    reset: () => store.reset(),
  };
}

/** What altur does to a campaign on its own, as its docs describe it (`sandbox.act`). */
const OWN_ACTIONS: Readonly<Record<string, VendorAction>> = {
  finish: {
    terminal: true,
    description:
      "The campaign ends: `status` → finished (from pending, ready, active, inactive or cooldown).",
    source: "vendor-notes (statuses)",
    from: (c) => c.status !== "finished",
    apply(c) {
      c.status = "finished";
    },
  },
  cooldown: {
    description:
      "A cycle ends and the campaign waits for the next: `status` active → cooldown (cycles on).",
    source: "vendor-notes (statuses, cycles); the trigger is sandbox choice",
    from: (c) => c.status === "active" && (c.cycles as JsonObject | undefined)?.enabled === true,
    apply(c) {
      c.status = "cooldown";
    },
  },
  cycleStart: {
    description: "The next cycle begins: `status` cooldown → active.",
    source: "vendor-notes (statuses, cycles); the trigger is sandbox choice",
    from: (c) => c.status === "cooldown",
    apply(c) {
      c.status = "active";
    },
  },
};

export const alturSimulation = defineSimulation({
  vendor: "altur",
  apiKey: "sandbox-altur-key",
  seed: seedAltur,
  create: createAlturSimulator,
  actions: OWN_ACTIONS,
});
