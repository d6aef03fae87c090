import { describeProblem, isAboutBodyField, type Problem } from "./request-problems.js";
import { seedVelip } from "./seed-velip.js";
import {
  type Answer,
  CampaignStore,
  clone,
  defineSimulation,
  json,
  minutesOf,
  type SimRequest,
  type VendorAction,
  type VendorSimulator,
} from "./simulator.js";
import type { Json, JsonObject } from "./spec/load-spec.js";
import { VelipLockout } from "./velip-lockout.js";

/** The `{"return": …}` envelope every Velip answer carries; `status_code` is a string. */
const envelope = (status: string, code: string): JsonObject => ({
  return: { status, status_code: code },
});

const fail = (http: number, status: string, code: string) => json(http, envelope(status, code));

const MUTABLE = [
  "active",
  "lig_min",
  "pas",
  "date_start",
  "date_end",
  "time_start",
  "time_end",
  "name",
] as const;
type Mutable = (typeof MUTABLE)[number];

/** Request field → response key, and the value as Velip stores it (times lose their seconds). */
const APPLY: Record<Mutable, [string, (value: Json) => Json]> = {
  active: ["cp_active ", (v) => String(v)],
  lig_min: ["cp_lig_min", (v) => (v === "max" ? "max" : Number(v))],
  pas: ["cp_pas", (v) => Number(v)],
  date_start: ["cp_date_start", (v) => v],
  date_end: ["cp_date_end", (v) => v],
  time_start: ["cp_time_start", (v) => String(v).slice(0, 5)],
  time_end: ["cp_time_end", (v) => String(v).slice(0, 5)],
  name: ["cp_name", (v) => v],
};

/** Velip: POST-only `.php` endpoints, the `{"return"}` envelope, trailing-space keys. */
export function createVelipSimulator(extra: number): VendorSimulator {
  const store = new CampaignStore(
    () => seedVelip(extra),
    (c) => String(c.cp_id),
  );
  const lockout = new VelipLockout();

  const ok = (campaigns: JsonObject[]): Answer =>
    json(200, { ...envelope("OK", "0"), campaigns: clone(campaigns) });

  function list(filters: JsonObject): Answer {
    const { cp_id, cp_ctid, group, type, date, search, maxreg } = filters;
    const rows = store
      .all()
      .filter((c) => cp_id === undefined || Number(c.cp_id) === cp_id)
      .filter((c) => cp_ctid === undefined || String(c.cp_ctid) === String(cp_ctid))
      .filter(
        (c) =>
          group === undefined ||
          String(c["cp_group "]) === String(group) ||
          String(c.cp_group_id) === String(group),
      )
      .filter((c) => type !== "on" || c["cp_active "] === "1")
      .filter(
        (c) =>
          typeof date !== "string" ||
          date === "1" ||
          (String(c.cp_date_start) <= date && date <= String(c.cp_date_end)),
      )
      .filter(
        (c) =>
          typeof search !== "string" ||
          String(c.cp_name).toLowerCase().includes(search.toLowerCase()),
      )
      .sort((a, b) => Number(b.cp_id) - Number(a.cp_id));
    const limit = typeof maxreg === "number" ? Math.max(0, maxreg) : 500;
    return ok(rows.slice(0, limit));
  }

  function change(body: JsonObject): Answer {
    const sent = MUTABLE.filter((field) => body[field] !== undefined);
    if (sent.length === 0) return fail(400, "No new parameters", "210");
    const campaign = store.get(body.cp_id as number);
    if (!campaign) return fail(400, "cp_id no valid", "212");
    const changes = sent.map((field) => {
      const [key, convert] = APPLY[field];
      return [key, convert(body[field] as Json)] as const;
    });
    const same = (key: string, value: Json) =>
      key.startsWith("cp_time")
        ? minutesOf(campaign[key]) === minutesOf(value)
        : String(campaign[key]) === String(value);
    if (changes.every(([key, value]) => same(key, value))) {
      return fail(400, "Parameters without change", "230");
    }
    for (const [key, value] of changes) campaign[key] = value;
    return ok([campaign]);
  }

  return {
    vendor: "velip",

    authenticate(valid, now, attempt) {
      const outcome = lockout.check(valid, now, attempt);
      return outcome.ok ? undefined : fail(401, outcome.status, outcome.code);
    },

    invalid(request, problems: readonly Problem[]) {
      if (
        request.operationId === "changeCampaign" &&
        problems.some((p) => isAboutBodyField(p, "cp_id"))
      ) {
        return fail(400, "No cp_id", "200");
      }
      return fail(400, `Invalid parameters: ${problems.map(describeProblem).join("; ")}`, "400");
    },

    noRoute: (allowed) =>
      allowed.length > 0
        ? fail(405, "Method not allowed", "405")
        : fail(404, "Endpoint not found", "404"),

    faultBody: (status) =>
      envelope(status === 401 ? "Invalid tsid" : "internal error", String(status)),

    handle(request: SimRequest) {
      const body = request.body ?? {};
      return request.operationId === "changeCampaign" ? change(body) : list(body);
    },

    campaigns: () => clone(store.all()),

    record: (id) => store.get(id),

    lockout: (now) => lockout.state(now),

    reset() {
      store.reset();
      lockout.reset();
    },
  };
}

const ACTIVE_KEY = "cp_active "; // Velip's key ends in a space

/** What velip does to a campaign on its own, as its docs describe it (`sandbox.act`). */
const OWN_ACTIONS: Readonly<Record<string, VendorAction>> = {
  loadFailure: {
    terminal: true,
    description:
      'The destination load makes no progress for about 30 minutes: `"cp_active "` → `"0"` and `cp_status_txt` `"Falha na geração"`.',
    source:
      "vendor-notes (Update of 2026-12-01, GetCampaignsList); the text after the documented prefix is not documented, so the sandbox sends the prefix alone",
    from: (c) => c[ACTIVE_KEY] !== undefined,
    apply(c) {
      c[ACTIVE_KEY] = "0";
      c.cp_status_txt = "Falha na geração";
    },
  },
  loadDone: {
    description:
      'A destination load in progress completes: `cp_status_txt` `"Inseridos: N destinos (2s)"` (N: `cp_destinations`, else 0), and a campaign that was loading (`"2"`) is active (`"1"`).',
    source: 'vendor-notes (Update of 2026-12-01); `"2"` → `"1"` sandbox choice',
    // Only a load in progress completes: contacts still loading, or a `-Gerando` text.
    from: (c) =>
      c[ACTIVE_KEY] === "2" ||
      (typeof c.cp_status_txt === "string" && c.cp_status_txt.startsWith("-Gerando")),
    apply(c) {
      c.cp_status_txt = `Inseridos: ${Number(c.cp_destinations) || 0} destinos (2s)`;
      if (c[ACTIVE_KEY] === "2") c[ACTIVE_KEY] = "1";
    },
  },
};

export const velipSimulation = defineSimulation({
  vendor: "velip",
  apiKey: "sandbox-velip-tsid",
  seed: seedVelip,
  create: createVelipSimulator,
  actions: OWN_ACTIONS,
});
