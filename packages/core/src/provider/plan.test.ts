import { describe, expect, it } from "vitest";
import type { VendorDescriptor } from "../http/create-vendor-client.js";
import { planSteps, stepPlanner } from "./plan.js";

const limited: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "Authorization", prefix: "Bearer " },
  userAgent: "campaignkit-acme/0.0.0",
  rateLimit: { requests: 1, perMilliseconds: 60_000 },
};
const step = {
  operationId: "x",
  method: "GET" as const,
  path: "/x",
  idempotent: true,
  purpose: "read",
};

describe("planSteps", () => {
  it("is not held up by the vendor's rate limit: nothing is sent", async () => {
    const plans = await Promise.all(
      Array.from({ length: 20 }, () =>
        planSteps(limited, { headers: { "X-Proxy-Token": "t" } }, [step]),
      ),
    );
    expect(plans).toHaveLength(20);
  });

  it("redacts the credential and secret-looking headers", async () => {
    const [planned] = await planSteps(
      limited,
      { headers: { "X-Proxy-Token": "t", "X-Trace": "abc" } },
      [step],
    );
    expect(planned?.headers).toMatchObject({
      authorization: "Bearer REDACTED",
      "x-proxy-token": "REDACTED",
      "x-trace": "abc",
    });
  });

  it("keeps each plan's requests apart when one planner serves calls at once", async () => {
    const plan = stepPlanner(limited, {});
    const ids = Array.from({ length: 30 }, (_, i) => i);
    const plans = await Promise.all(
      ids.map((i) => plan([{ ...step, path: `/x?i=${i}` as "/x", purpose: `read ${i}` }])),
    );
    expect(plans.map((p) => p.map((r) => r.purpose))).toEqual(ids.map((i) => [`read ${i}`]));
    expect(plans.map((p) => new URL(p[0]?.url ?? "").search)).toEqual(ids.map((i) => `?i=${i}`));
  });
});
