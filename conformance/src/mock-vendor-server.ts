import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import {
  checkRequestAgainstSpec,
  credentialFields,
  type LoadedSpec,
  type Operation,
  requestSchema,
  type Scenario,
  type SchemaValidator,
  serverOf,
  withoutFields,
} from "@campaignkit/sandbox";

/**
 * A real HTTP server on 127.0.0.1 that plays one vendor for one scenario at a time: it checks
 * the wire request against the scenario's documented request and the spec, then answers with
 * the documented response. A request that does not match gets a 599 and the list of problems.
 */
export interface MockVendorServer {
  /** The base URL a client should use: `http://127.0.0.1:PORT` + the spec's server path. */
  baseURL: string;
  expect(scenario: Scenario): void;
  /** What was wrong with the request(s) received since `expect()`; also fails when none came. */
  problems(): string[];
  close(): Promise<void>;
}

const MISMATCH_STATUS = 599;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function expectedPath(basePath: string, scenario: Scenario): string {
  return (
    basePath +
    scenario.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(String(scenario.request.path[name])),
    )
  );
}

/** A schema violation of the body, as checkRequestAgainstSpec words it (`body /x must …`). */
const isBodySchemaProblem = (problem: string): boolean =>
  problem.startsWith("body ") && !problem.startsWith("body: ");

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

export async function startMockVendorServer(
  spec: LoadedSpec,
  operations: readonly Operation[],
  validator: SchemaValidator,
  credential: string,
): Promise<MockVendorServer> {
  const { basePath } = serverOf(spec);
  let current: Scenario | undefined;
  let received = 0;
  let found: string[] = [];

  const check = async (request: IncomingMessage): Promise<string[]> => {
    const scenario = current;
    if (!scenario) return ["no scenario is expected"];
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const wire = {
      method: request.method ?? "",
      url,
      headers: toHeaders(request),
      body: await readBody(request),
    };
    const checked = checkRequestAgainstSpec(spec, operations, validator, credential, wire);
    // A documented invalid request (`x-invalid-request`) breaks its body's schema on purpose:
    // only those problems are forgiven, and the body must still be the documented one (below).
    const problems = checked.problems.filter(
      (problem) => !(scenario.request.invalid !== undefined && isBodySchemaProblem(problem)),
    );

    if (checked.operation && checked.operation.operationId !== scenario.operationId) {
      problems.push(
        `operation: expected ${scenario.operationId}, got ${checked.operation.operationId}`,
      );
    }
    const wantPath = expectedPath(basePath, scenario);
    if (url.pathname !== wantPath) problems.push(`path: expected ${wantPath}, got ${url.pathname}`);
    if (!isDeepStrictEqual(checked.query, scenario.request.query)) {
      problems.push(
        `query: expected ${JSON.stringify(scenario.request.query)}, got ${JSON.stringify(checked.query)}`,
      );
    }
    const { mediaType } = scenario.request;
    if (mediaType !== checked.mediaType) {
      problems.push(
        `content-type: expected ${mediaType ?? "no body"}, got ${checked.mediaType ?? "no body"}`,
      );
    }
    if (mediaType && checked.operation) {
      const credentials = credentialFields(requestSchema(checked.operation, mediaType));
      const want = withoutFields(scenario.request.body, credentials);
      const got = withoutFields(checked.body, credentials);
      if (!isDeepStrictEqual(got, want)) {
        problems.push(`body: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }
    }
    return problems;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    received += 1;
    const problems = await check(request).catch((error: unknown) => [
      `server error: ${String(error)}`,
    ]);
    found.push(...problems);
    if (problems.length > 0 || !current) {
      response.writeHead(MISMATCH_STATUS, { "content-type": "application/json" });
      response.end(JSON.stringify({ problems }));
      return;
    }
    const { status, mediaType, body } = current.response;
    response.writeHead(status, { "content-type": mediaType });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    expect(scenario) {
      current = scenario;
      received = 0;
      found = [];
    },
    problems() {
      if (received === 0) return ["the server received no request"];
      if (received > 1) return [`the server received ${received} requests, expected 1`, ...found];
      return [...found];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
