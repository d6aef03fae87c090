import { describeProblem, isAboutBodyField } from "./request-problems.js";
import { seedConvoso } from "./seed-convoso.js";
import {
  CampaignStore,
  clone,
  defineSimulation,
  json,
  type SimRequest,
  type VendorSimulator,
} from "./simulator.js";
import type { JsonObject } from "./spec/load-spec.js";

/** Convoso's error envelope; business errors arrive with HTTP 200. */
const failure = (status: number, error: string, code?: number) =>
  json(status, code === undefined ? { success: false, error } : { success: false, code, error });

/** Convoso: two form-encoded POST endpoints, `auth_token` in the body, `Y`/`N` statuses. */
export function createConvosoSimulator(extra: number): VendorSimulator {
  const store = new CampaignStore<JsonObject>(
    () => seedConvoso(extra),
    (c) => String(c.id),
  );

  return {
    vendor: "convoso",

    authenticate: (valid) => (valid ? undefined : failure(401, "Invalid authentication token")),

    invalid(request, problems) {
      if (request.operationId === "setCampaignStatus") {
        if (problems.some((p) => isAboutBodyField(p, "campaign_id")))
          return failure(200, "Invalid campaign ID", 6026);
        if (problems.some((p) => isAboutBodyField(p, "status")))
          return failure(200, "Invalid status value", 6080);
      }
      return failure(200, `Invalid request: ${problems.map(describeProblem).join("; ")}`);
    },

    noRoute: (allowed) =>
      allowed.length > 0 ? failure(405, "Method not allowed") : failure(404, "Not found"),

    faultBody: (status) => ({ success: false, error: `Injected fault: HTTP ${status}` }),

    handle(request: SimRequest) {
      if (request.operationId === "searchCampaigns") return json(200, { data: clone(store.all()) });
      const body = request.body ?? {};
      if (body.campaign_id === "") return failure(200, "Invalid campaign ID", 6026);
      const campaign = store.get(String(body.campaign_id));
      if (!campaign) return failure(200, "Campaign not found");
      campaign.status = body.status === true ? "Y" : "N";
      return json(200, { success: true });
    },

    campaigns: () => clone(store.all()),

    reset: () => store.reset(),
  };
}

export const convosoSimulation = defineSimulation({
  vendor: "convoso",
  apiKey: "sandbox-convoso-token",
  seed: seedConvoso,
  create: createConvosoSimulator,
});
