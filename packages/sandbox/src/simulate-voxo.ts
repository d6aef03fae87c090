import { describeProblem, type Problem } from "./request-problems.js";
import { SANDBOX_VOXO_TENANT_ID, seedVoxo } from "./seed-voxo.js";
import {
  CampaignStore,
  clone,
  defineSimulation,
  isObject,
  json,
  type SimRequest,
  type VendorSimulator,
} from "./simulator.js";
import type { Json, JsonObject } from "./spec/load-spec.js";

// VOXO documents no error body at all: every error body here is a sandbox choice.
const message = (status: number, text: string, extra: JsonObject = {}) =>
  json(status, { message: text, ...extra });

/** Fields the PATCH copies as they are. */
const PLAIN = [
  "name",
  "tech",
  "state",
  "dateStart",
  "timeStart",
  "dateEnd",
  "timeEnd",
  "callerId",
  "recording",
  "message",
  "timezone",
  "callFrequency",
  "callHoursStart",
  "callHoursEnd",
] as const;

const text = (value: Json | undefined, fallback: string) =>
  typeof value === "string" || typeof value === "number" ? String(value) : fallback;

/** A destination as responses carry it: `{typeSrc, destType, id, order}` (create sends `{id, type}`). */
function toDestination(item: Json, index: number): JsonObject {
  const input = isObject(item) ? item : {};
  const id = Number(input.id);
  const order = Number(input.order);
  return {
    typeSrc: text(input.typeSrc, "campaign"),
    destType: text(input.destType ?? input.type, "extension"),
    id: Number.isFinite(id) ? id : 0,
    order: Number.isFinite(order) ? order : index + 1,
  };
}

function toNumber(item: Json): JsonObject {
  const input = isObject(item) ? item : {};
  return {
    number: text(input.number, ""),
    description: text(input.description, ""),
    disposition: text(input.disposition, "pending"),
  };
}

/** VOXO: the current PATCH and the legacy reads, Bearer auth, request and response shapes differ. */
export function createVoxoSimulator(extra: number): VendorSimulator {
  const store = new CampaignStore(
    () => seedVoxo(extra),
    (c) => String(c.id),
  );

  function update(campaign: JsonObject, body: JsonObject) {
    for (const field of PLAIN) if (body[field] !== undefined) campaign[field] = body[field];
    // A string in requests, a number in responses.
    if (body.enableVMDetect !== undefined) campaign.enableVMDetect = Number(body.enableVMDetect);
    if (Array.isArray(body.numbers)) campaign.numbers = body.numbers.map(toNumber);
    for (const key of ["destinations", "matchDestinations", "notMatchDestinations"]) {
      const list = body[key];
      if (Array.isArray(list)) campaign[key] = list.map(toDestination);
    }
  }

  return {
    vendor: "voxo",

    authenticate: (valid) => (valid ? undefined : message(401, "Unauthorized")),

    invalid: (_request, problems: readonly Problem[]) =>
      message(400, `Invalid request: ${problems.map(describeProblem).join("; ")}`, {
        errors: problems.map((p) => ({ field: p.field.join("."), message: p.message })),
      }),

    noRoute: (allowed) =>
      allowed.length > 0 ? message(405, "Method not allowed") : message(404, "Not found"),

    faultBody: (status) => ({ message: `Injected fault: HTTP ${status}` }),

    handle(request: SimRequest) {
      if (request.operationId === "listCallCampaigns") {
        const tenantId = request.query.tenantId;
        return json(200, clone(store.all().filter((c) => c.tenantId === tenantId)));
      }
      const id = request.path.campaignId ?? request.path.id;
      const campaign = store.get(id === undefined ? undefined : String(Number(id)));
      if (!campaign) return message(404, "Campaign not found");
      if (request.operationId === "updateCallCampaign") update(campaign, request.body ?? {});
      return json(200, clone(campaign));
    },

    campaigns: () => clone(store.all()),

    reset: () => store.reset(),
  };
}

export const voxoSimulation = defineSimulation({
  vendor: "voxo",
  apiKey: "sandbox-voxo-token",
  settings: { tenantId: SANDBOX_VOXO_TENANT_ID },
  seed: seedVoxo,
  create: createVoxoSimulator,
});
