import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_API_KEYS, type SandboxVendor, startSandbox } from "./index.js";
import { type Json, type JsonObject, loadSpec } from "./spec/load-spec.js";
import { listOperations } from "./spec/scenarios.js";
import { SchemaValidator } from "./spec/validators.js";
import { AUTH_HEADERS, type RawInit, raw } from "./test-support/wire.js";

// Generated campaigns too: every seeded campaign must be answered in the spec's shape.
const sandbox = await startSandbox({ extraCampaigns: 4, enforceRateLimits: false });
afterAll(() => sandbox.close());
const validator = new SchemaValidator();

type Call = [method: string, path: string, init?: RawInit];

/** Requests that reach every operation with a success answer, then some documented errors. */
const CALLS: Record<SandboxVendor, Call[]> = {
  altur: [
    ["GET", "/campaigns"],
    ["GET", "/campaigns?status=active&integration=phone_call&agentId=agt_sofia"],
    ["GET", "/campaigns/123"],
    ["GET", "/campaigns/1236"],
    ["PATCH", "/campaigns/1234", { json: { name: "Q2 - wave 2", retries: 2, timezone: "UTC" } }],
    [
      "PATCH",
      "/campaigns/123",
      {
        json: {
          scheduling: { sat: { active: false } },
          cycles: { schedule: { sun: { active: true } } },
        },
      },
    ],
    ["POST", "/campaigns/123/pause"],
    ["POST", "/campaigns/123/resume"],
    ["POST", "/campaigns/1236/activate"],
    ["POST", "/campaigns/1238/archive"],
    ["PATCH", "/campaigns/1235", { json: { name: "x" } }],
    ["PATCH", "/campaigns/1234", { json: { agent_id: "a" } }],
    ["PATCH", "/campaigns/1236", { json: { cycles: { cooldown_minutes: 5 } } }],
    ["POST", "/campaigns/1235/activate"],
    ["POST", "/campaigns/123/stop"],
  ],
  asisso: [
    ["GET", "/campaign/"],
    ["GET", "/campaign/124"],
    [
      "PATCH",
      "/campaign/123",
      {
        json: {
          name: "Lead reactivation - wave 2",
          retry_config: { max_retries: 3 },
          schedule_config: {
            timezone: "Europe/Lisbon",
            slots: [{ day_of_week: 2, start_time: "10:00", end_time: "12:30" }],
          },
          circuit_breaker: { enabled: true },
        },
      },
    ],
    ["POST", "/campaign/123/start"],
    ["POST", "/campaign/124/pause"],
    ["POST", "/campaign/124/resume"],
    ["GET", "/campaign/123", { headers: { "x-api-key": "as_wrong" } }],
    ["PATCH", "/campaign/125", { json: { max_concurrency: 0 } }],
  ],
  convoso: [
    ["POST", "/campaigns/search", { form: { auth_token: SANDBOX_API_KEYS.convoso } }],
    [
      "POST",
      "/campaigns/status",
      { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "222", status: "true" } },
    ],
    [
      "POST",
      "/campaigns/status",
      { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "9", status: "true" } },
    ],
    [
      "POST",
      "/campaigns/status",
      { form: { auth_token: SANDBOX_API_KEYS.convoso, campaign_id: "111", status: "on" } },
    ],
    ["POST", "/campaigns/search", { form: { auth_token: "wrong" } }],
  ],
  velip: [
    ["POST", "/GetCampaignsList.php", { json: {} }],
    ["POST", "/GetCampaignsList.php", { form: { cp_id: "987655" } }],
    ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654, active: 0, time_end: "20:00:00" } }],
    [
      "POST",
      "/ChangeCampaign.php",
      { json: { cp_id: 987653, lig_min: "max", pas: 3, name: "Cobrança", date_end: "2026-05-31" } },
    ],
    ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654, active: 0 } }],
    ["POST", "/ChangeCampaign.php", { json: { cp_id: 987654 } }],
    ["POST", "/ChangeCampaign.php", { json: { cp_id: 5, active: 1 } }],
    ["POST", "/ChangeCampaign.php", { json: { active: 1 } }],
    [
      "POST",
      "/GetCampaignsList.php",
      { json: {}, headers: { authorization: "Bearer wrong-tsid" } },
    ],
  ],
  voxo: [
    ["GET", "/call-campaigns?tenantId=42"],
    ["GET", "/call-campaigns/102"],
    [
      "PATCH",
      "/admin/call-campaigns/101",
      {
        json: {
          state: "READY",
          recording: "yes",
          enableVMDetect: "1",
          numbers: [{ number: "5555550199" }],
          callHoursStart: "08:00",
          callHoursEnd: "12:00",
        },
      },
    ],
    ["GET", "/call-campaigns/999"],
    ["GET", "/call-campaigns/101", { headers: { authorization: "Bearer wrong" } }],
  ],
};

/** Each spec parsed once: parsing one per call made the test time out on a loaded machine. */
const operationsOf = new Map<SandboxVendor, ReturnType<typeof listOperations>>();

function responseSchema(vendor: SandboxVendor, operationId: string, status: number) {
  let operations = operationsOf.get(vendor);
  if (!operations) {
    operations = listOperations(loadSpec(vendor));
    operationsOf.set(vendor, operations);
  }
  const operation = operations.find((o) => o.operationId === operationId);
  const responses = (operation?.definition.responses ?? {}) as JsonObject;
  const response = (responses[String(status)] ?? responses.default) as JsonObject | undefined;
  const content = (response?.content ?? {}) as JsonObject;
  return (content["application/json"] as JsonObject | undefined)?.schema as Json | undefined;
}

describe.each(Object.keys(CALLS) as SandboxVendor[])("every %s answer", (vendor) => {
  it("is valid against the spec's schema for its operation and status", async () => {
    const checked: string[] = [];
    for (const [method, path, init] of CALLS[vendor]) {
      const headers = { ...AUTH_HEADERS[vendor], ...init?.headers };
      const answer = await raw(sandbox, vendor, method, path, { ...init, headers });
      const record = sandbox.requests(vendor).at(-1);
      expect(record?.operationId, `${method} ${path}`).toBeDefined();
      const operationId = record?.operationId as string;
      const schema = responseSchema(vendor, operationId, answer.status);
      if (answer.status < 300) expect(schema, `${operationId} ${answer.status}`).toBeDefined();
      if (schema === undefined) continue;
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(
        validator.validate(schema, answer.body),
        `${method} ${path} → ${answer.status}`,
      ).toEqual([]);
      checked.push(`${operationId} ${answer.status}`);
    }
    const succeeded = new Set(
      sandbox
        .requests(vendor)
        .filter((r) => r.status >= 200 && r.status < 300)
        .map((r) => r.operationId),
    );
    const operations = listOperations(loadSpec(vendor)).map((o) => o.operationId);
    expect([...succeeded].sort()).toEqual([...operations].sort());
    expect(checked).toHaveLength(CALLS[vendor].length);
  });
});
