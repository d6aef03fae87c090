import { describe, expect, it } from "vitest";
import { toAsissoUpdateSteps } from "./convert-to-asisso-steps.js";

const summary = (steps: ReturnType<typeof toAsissoUpdateSteps>) =>
  steps.map(({ operationId, method, path, idempotent }) => ({
    operationId,
    method,
    path,
    idempotent,
  }));

const PAUSE = {
  operationId: "pauseCampaign",
  method: "POST",
  path: "/campaign/{campaign_id}/pause",
  idempotent: false,
};
const PATCH = {
  operationId: "updateCampaign",
  method: "PATCH",
  path: "/campaign/{campaign_id}",
  idempotent: true,
};
const RESUME = {
  operationId: "resumeCampaign",
  method: "POST",
  path: "/campaign/{campaign_id}/resume",
  idempotent: false,
};
const READ = {
  operationId: "getCampaign",
  method: "GET",
  path: "/campaign/{campaign_id}",
  idempotent: true,
};

describe("toAsissoUpdateSteps", () => {
  it("pauses before the PATCH, so Asisso meets a paused campaign", () => {
    expect(summary(toAsissoUpdateSteps("9", { status: "paused", name: "N" }))).toEqual([
      PAUSE,
      PATCH,
    ]);
  });

  it("resumes after the PATCH, so the campaign restarts with the new settings, then reads it", () => {
    expect(
      summary(toAsissoUpdateSteps("9", { status: "active", pacing: { maxConcurrentCalls: 5 } })),
    ).toEqual([PATCH, RESUME, READ]);
  });

  it("sends only the action (and a read) for a status change, and only the PATCH for settings", () => {
    expect(summary(toAsissoUpdateSteps("9", { status: "active" }))).toEqual([RESUME, READ]);
    expect(summary(toAsissoUpdateSteps("9", { name: "N" }))).toEqual([PATCH]);
  });

  it("addresses the campaign by its integer id and says why each request is sent", () => {
    const steps = toAsissoUpdateSteps("9", { status: "paused", name: "N" });
    expect(steps.map((step) => step.params)).toEqual([
      { path: { campaign_id: 9 } },
      { path: { campaign_id: 9 } },
    ]);
    expect(steps.map((step) => step.purpose)).toEqual([
      "pause the campaign",
      "update the campaign's settings",
    ]);
  });
});
