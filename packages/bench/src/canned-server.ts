import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { VendorResponses } from "@campaignkit/core";
import {
  collectScenarios,
  type JsonObject,
  loadSpec,
  matchOperation,
  serverOf,
} from "@campaignkit/sandbox";

/**
 * A loopback server that answers every request of a vendor with that operation's documented
 * success example, precomputed: the cheapest honest server, so a round-trip benchmark measures
 * the clients, not the server.
 */
export async function startCannedServer(vendor: string, responses: VendorResponses) {
  const spec = loadSpec(vendor);
  const { operations } = collectScenarios(spec);
  const answers = new Map<string, string>();
  for (const operation of operations) {
    for (const [status, response] of Object.entries(
      (operation.definition.responses ?? {}) as JsonObject,
    )) {
      if (!/^2\d\d$/.test(status) || answers.has(operation.operationId)) continue;
      for (const media of Object.values(((response as JsonObject).content ?? {}) as JsonObject)) {
        for (const example of Object.values(((media as JsonObject).examples ?? {}) as JsonObject)) {
          const body = (example as JsonObject).value;
          if (
            !answers.has(operation.operationId) &&
            !responses.decodeError(operation.operationId, Number(status), body)
          ) {
            answers.set(operation.operationId, JSON.stringify(body));
          }
        }
      }
    }
  }
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const found = matchOperation(
        spec,
        operations,
        request.method ?? "",
        new URL(request.url ?? "/", "http://x").pathname,
      );
      const body = (found && answers.get(found.operation.operationId)) ?? "{}";
      response.writeHead(found ? 200 : 404, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}${serverOf(spec).basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
