import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { CampaignkitError, type CampaignProvider } from "@campaignkit/core";
import { type Fault, type Sandbox, type SandboxVendor, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDORS } from "./vendors.ts";

/** Canary credentials: the test run's output is scanned for this prefix (scripts/run-tests.mjs). */
const KEYS = Object.fromEntries(
  VENDORS.map((v) => [v.id, `ck-canary-fault-${v.id}-0001`]),
) as Record<SandboxVendor, string>;
/** The provider's deadline: room for two backoffs (0.5 s, then 1 s); a test past the cap "hung". */
const TIMEOUT_MS = 4000;
const HANG_LIMIT_MS = 6000;

interface FaultCase {
  name: string;
  faults: Fault[];
  /** `ok`, or the CampaignkitError code the call must end with. */
  outcome: "ok" | CampaignkitError["code"];
  /** How many requests the vendor must have received (retries included). */
  requests: number;
  /** A per-call deadline, when the case is about deadlines. */
  callTimeout?: number;
}

/** Every fault class of the sandbox, against a read that is safe to repeat (maxRetries 2). */
const CASES: FaultCase[] = [
  {
    name: "latency within the deadline",
    faults: [{ kind: "latency", ms: 50 }],
    outcome: "ok",
    requests: 1,
  },
  {
    name: "latency past the deadline",
    // Real time on purpose: the per-call deadline (300 ms) against a real socket's late answer.
    faults: [{ kind: "latency", ms: 3000 }],
    outcome: "TIMEOUT",
    requests: 1,
    callTimeout: 300,
  },
  {
    name: "503 twice, then healthy",
    faults: [{ kind: "status", status: 503, times: 2 }],
    outcome: "ok",
    requests: 3,
  },
  {
    name: "429 with Retry-After, then healthy",
    faults: [{ kind: "status", status: 429, retryAfterSeconds: 0 }],
    outcome: "ok",
    requests: 2,
  },
  {
    name: "500 on every attempt",
    faults: [{ kind: "status", status: 500, times: 3 }],
    outcome: "VENDOR",
    requests: 3,
  },
  {
    name: "429 on every attempt",
    faults: [{ kind: "status", status: 429, retryAfterSeconds: 0, times: 3 }],
    outcome: "RATE_LIMITED",
    requests: 3,
  },
  {
    name: "connection reset once, then healthy",
    faults: [{ kind: "reset" }],
    outcome: "ok",
    requests: 2,
  },
  {
    name: "connection reset on every attempt",
    faults: [{ kind: "reset", times: 3 }],
    outcome: "NETWORK",
    requests: 3,
  },
  {
    name: "empty body",
    faults: [{ kind: "malformed", body: "empty" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
  {
    name: "HTML error page with 200",
    faults: [{ kind: "malformed", body: "html" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
  {
    name: "truncated JSON",
    faults: [{ kind: "malformed", body: "truncated-json" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
  {
    name: "JSON with the wrong content type",
    faults: [{ kind: "malformed", body: "wrong-content-type" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
  {
    name: "a body of ~20 MB",
    faults: [{ kind: "malformed", body: "huge" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
  {
    name: "fields of the wrong types",
    faults: [{ kind: "malformed", body: "wrong-types" }],
    outcome: "INVALID_RESPONSE",
    requests: 1,
  },
];

const results: {
  vendor: string;
  fault: string;
  outcome: string;
  requests: number;
  ms: number;
  passed: boolean;
}[] = [];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ apiKeys: KEYS, enforceRateLimits: false });
});
afterAll(async () => {
  await sandbox?.close();
  const dir = join(import.meta.dirname, "..", "report");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "faults.json"), `${JSON.stringify(results, null, 2)}\n`);
});

for (const vendor of VENDORS) {
  describe(`${vendor.id} under injected faults`, () => {
    const provider = (): CampaignProvider =>
      vendor.provider.create({
        ...sandbox.vendors[vendor.id as SandboxVendor],
        timeout: TIMEOUT_MS,
        maxRetries: 2,
      });

    it.each(CASES.map((c) => [c.name, c] as const))(
      "%s",
      { timeout: HANG_LIMIT_MS * 2 },
      async (_, fault) => {
        sandbox.reset();
        sandbox.injectFaults(vendor.id as SandboxVendor, ...fault.faults);
        const started = performance.now();
        let error: unknown;
        try {
          await provider().getCampaign(
            vendor.provider.sampleId,
            fault.callTimeout ? { timeout: fault.callTimeout } : {},
          );
        } catch (caught) {
          error = caught;
        }
        const ms = performance.now() - started;
        const requests = sandbox.requests(vendor.id as SandboxVendor).length;
        const outcome =
          error instanceof CampaignkitError
            ? error.code
            : error
              ? `untyped ${String(error)}`
              : "ok";
        results.push({
          vendor: vendor.id,
          fault: fault.name,
          outcome,
          requests,
          ms: Math.round(ms),
          passed: outcome === fault.outcome && requests === fault.requests,
        });

        expect(outcome).toBe(fault.outcome);
        expect(requests).toBe(fault.requests);
        expect(ms).toBeLessThan(HANG_LIMIT_MS);
        if (error) {
          expect(inspect(error, { depth: 10 })).not.toContain(KEYS[vendor.id as SandboxVendor]);
          expect(String((error as Error).message)).not.toContain(KEYS[vendor.id as SandboxVendor]);
        }
      },
    );
  });
}

describe("requests that are not safe to repeat are never retried", () => {
  it("Asisso pause (undocumented whether a repeat is safe)", async () => {
    sandbox.reset();
    sandbox.injectFaults("asisso", { kind: "status", status: 503, times: 3 });
    const asisso = VENDORS.find((v) => v.id === "asisso")?.provider.create({
      ...sandbox.vendors.asisso,
      maxRetries: 2,
    });
    await expect(asisso?.pauseCampaign("124")).rejects.toMatchObject({
      code: "VENDOR",
      httpStatus: 503,
    });
    expect(sandbox.requests("asisso")).toHaveLength(1);
  });

  it("Altur activate through the typed client (documented as not idempotent)", async () => {
    sandbox.reset();
    sandbox.injectFaults("altur", { kind: "status", status: 503, times: 3 });
    const altur = VENDORS.find((v) => v.id === "altur")?.createClient({
      ...sandbox.vendors.altur,
      maxRetries: 2,
    }) as {
      POST: (path: string, init: object) => Promise<{ response: Response }>;
    };
    const { response } = await altur.POST("/campaigns/{id}/{action}", {
      params: { path: { id: 1236, action: "activate" } },
    });
    expect(response.status).toBe(503);
    expect(sandbox.requests("altur")).toHaveLength(1);
  });
});
