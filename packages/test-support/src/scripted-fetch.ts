import { type RecordedRequest, recordingFetch } from "./recording-fetch.js";

export interface Route {
  method: string;
  /** The URL path to match exactly, e.g. `/api/v1.0/campaigns/7/pause`. */
  path: string;
  respond: (request: Request) => Response | Promise<Response>;
}

/**
 * A fetch that plays a vendor from a list of routes and records every request. A request no
 * route matches is answered 599, so a test never passes by accident.
 */
export function scriptedFetch(routes: Route[]): {
  fetch: (request: Request) => Promise<Response>;
  requests: RecordedRequest[];
} {
  const answer = (request: Request) => {
    const path = new URL(request.url).pathname;
    const route = routes.find((r) => r.method === request.method && r.path === path);
    return route
      ? route.respond(request)
      : Response.json({ unexpected: `${request.method} ${path}` }, { status: 599 });
  };
  const { fetch, requests } = recordingFetch(() => new Response(null, { status: 500 }));
  return {
    requests,
    fetch: async (request: Request) => {
      await fetch(request.clone());
      return answer(request);
    },
  };
}
