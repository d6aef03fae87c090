import { describe, expect, it } from "vitest";
import { type Sandbox, type SandboxVendor, startSandbox } from "../index.js";
import { type Json, type JsonObject, loadSpec } from "../spec/load-spec.js";
import { listOperations } from "../spec/scenarios.js";
import { SchemaValidator } from "../spec/validators.js";
import { AUTH_HEADERS, type RawInit, raw } from "./wire.js";

/** One request on the wire: method, path below the vendor's base URL, and how it is sent. */
export type WireCall = [method: string, path: string, init?: RawInit];

const validator = new SchemaValidator();

function responseSchema(
  operations: ReturnType<typeof listOperations>,
  operationId: string,
  status: number,
) {
  const operation = operations.find((o) => o.operationId === operationId);
  const responses = (operation?.definition.responses ?? {}) as JsonObject;
  const response = (responses[String(status)] ?? responses.default) as JsonObject | undefined;
  const content = (response?.content ?? {}) as JsonObject;
  return (content["application/json"] as JsonObject | undefined)?.schema as Json | undefined;
}

/**
 * Registers the check that every answer of the vendor's simulator is valid against its spec:
 * `calls` reach every operation with a success answer, then some documented errors. Each
 * `simulate-<vendor>.test.ts` calls it with its own requests.
 */
export function describeAnswersValid(vendor: SandboxVendor, calls: readonly WireCall[]): void {
  describe(`every ${vendor} answer`, () => {
    it("is valid against the spec's schema for its operation and status", async () => {
      // Generated campaigns too: every seeded campaign must be answered in the spec's shape.
      const sandbox = await startSandbox({
        vendors: [vendor],
        extraCampaigns: 4,
        enforceRateLimits: false,
      });
      try {
        await check(sandbox);
      } finally {
        await sandbox.close();
      }
    });
  });

  async function check(sandbox: Sandbox): Promise<void> {
    const operations = listOperations(loadSpec(vendor));
    const checked: string[] = [];
    for (const [method, path, init] of calls) {
      const headers = { ...AUTH_HEADERS[vendor], ...init?.headers };
      const answer = await raw(sandbox, vendor, method, path, { ...init, headers });
      const record = sandbox.requests(vendor).at(-1);
      expect(record?.operationId, `${method} ${path}`).toBeDefined();
      const operationId = record?.operationId as string;
      const schema = responseSchema(operations, operationId, answer.status);
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
    expect([...succeeded].sort()).toEqual(operations.map((o) => o.operationId).sort());
    expect(checked).toHaveLength(calls.length);
  }
}
