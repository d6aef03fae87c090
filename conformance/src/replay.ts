import { isDeepStrictEqual } from "node:util";
import { resetCredentialGuard } from "@campaignkit/core";
import {
  collectScenarios,
  credentialFields,
  type Json,
  type LoadedSpec,
  requestSchema,
  type Scenario,
  type ScenarioSet,
  SchemaValidator,
  withoutFields,
} from "@campaignkit/sandbox";
import { type MockVendorServer, startMockVendorServer } from "./mock-vendor-server.ts";
import { loadSpec } from "./specs.ts";
import type { ConformanceVendor } from "./vendors.ts";

/** The credential every replay uses; the mock server accepts no other. */
export const CONFORMANCE_API_KEY = "ck-canary-conformance-key-0001";

type LooseClient = Record<
  string,
  (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>
>;

export interface ReplayOutcome {
  scenario: Scenario;
  passed: boolean;
  problems: string[];
}

export interface VendorHarness {
  spec: LoadedSpec;
  set: ScenarioSet;
  server: MockVendorServer;
  replay(scenario: Scenario): Promise<ReplayOutcome>;
  close(): Promise<void>;
}

/** Starts the mock server of one vendor and returns a function that replays its scenarios. */
export async function startVendorHarness(vendor: ConformanceVendor): Promise<VendorHarness> {
  const spec = loadSpec(vendor.id);
  const set = collectScenarios(spec);
  const validator = new SchemaValidator();
  const server = await startMockVendorServer(spec, set.operations, validator, CONFORMANCE_API_KEY);
  const client = vendor.createClient({
    apiKey: CONFORMANCE_API_KEY,
    baseURL: server.baseURL,
  }) as LooseClient;

  const replay = async (scenario: Scenario): Promise<ReplayOutcome> => {
    const operation = set.operations.find((op) => op.operationId === scenario.operationId);
    const schema =
      operation && scenario.request.mediaType
        ? requestSchema(operation, scenario.request.mediaType)
        : undefined;
    const init: { params: object; body?: Json } = {
      params: { path: scenario.request.path, query: scenario.request.query },
    };
    if (scenario.request.body !== undefined) {
      // The client adds the credential itself: the example's placeholder must not be sent.
      init.body = withoutFields(scenario.request.body, credentialFields(schema));
    }
    server.expect(scenario);
    const problems: string[] = [];
    const call = client[scenario.method.toUpperCase()];
    if (!call) throw new Error(`the ${vendor.id} client has no ${scenario.method} method`);
    const { data, error, response } = await call(scenario.path, init);
    // Each example stands alone: a documented refusal of the key must not latch the next one.
    resetCredentialGuard(vendor.id, CONFORMANCE_API_KEY);
    problems.push(...server.problems());
    if (response.status !== scenario.response.status) {
      problems.push(`status: expected ${scenario.response.status}, got ${response.status}`);
    }
    const ok = scenario.response.status >= 200 && scenario.response.status < 300;
    const [got, other] = ok ? [data, error] : [error, data];
    if (!isDeepStrictEqual(got, scenario.response.body)) {
      problems.push(
        `${ok ? "data" : "error"}: expected ${JSON.stringify(scenario.response.body)}, got ${JSON.stringify(got)}`,
      );
    }
    if (other !== undefined) problems.push(`${ok ? "error" : "data"} should be undefined`);
    return { scenario, passed: problems.length === 0, problems };
  };

  return { spec, set, server, replay, close: () => server.close() };
}
