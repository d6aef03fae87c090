export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as text, or `undefined` when the request had none. */
  body: string | undefined;
}

/**
 * A `fetch` that records what a client sends and answers every request with `respond()`
 * (by default `200 {}`), so tests can assert method, URL, headers and body exactly.
 */
export function recordingFetch(respond: (request: Request) => Response = () => Response.json({})) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const text = request.body === null ? undefined : await request.clone().text();
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: text,
    });
    return respond(request);
  };
  return { requests, fetch };
}
