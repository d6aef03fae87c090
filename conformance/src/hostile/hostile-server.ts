import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the hostile server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type HostileHandler = (
  request: ReceivedRequest,
  response: ServerResponse,
) => void | Promise<void>;

/** A server on 127.0.0.1 that behaves as the attack says, and remembers every request. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  received: ReceivedRequest[];
  /** Replaces the behaviour (default: 404 to everything). */
  handle(handler: HostileHandler): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startHostileServer(): Promise<HostileServer> {
  const received: ReceivedRequest[] = [];
  let handler: HostileHandler = (_, response) => {
    response.writeHead(404).end();
  };
  const server = createServer((request, response) => {
    void (async () => {
      const seen: ReceivedRequest = {
        method: request.method ?? "",
        url: request.url ?? "/",
        headers: { ...request.headers },
        body: await readBody(request),
      };
      received.push(seen);
      try {
        await handler(seen, response);
      } catch (error) {
        if (!response.headersSent) response.writeHead(599, { "content-type": "text/plain" });
        response.end(`hostile server error: ${String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The vendor's real answer: the request passed on, unchanged, to `origin` (the sandbox). */
export async function forward(
  origin: string,
  request: ReceivedRequest,
): Promise<{ status: number; headers: Headers; text: string }> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === "host" || name === "content-length" || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const answer = await fetch(`${origin}${request.url}`, {
    method: request.method,
    headers,
    ...(request.method === "GET" || request.method === "HEAD" ? {} : { body: request.body }),
    redirect: "manual",
  });
  return { status: answer.status, headers: answer.headers, text: await answer.text() };
}
