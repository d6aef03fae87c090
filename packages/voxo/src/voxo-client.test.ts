import { readSpec, recordingFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "./generated/version.js";
import { createVoxoClient, VOXO_DEFAULT_BASE_URL, voxoDescriptor } from "./index.js";

const API_KEY = "voxo-test-token";

function setup(respond?: (request: Request) => Response) {
  const recorder = recordingFetch(respond);
  const client = createVoxoClient({ apiKey: API_KEY, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe("the VOXO package agrees with specs/voxo.openapi.yaml", () => {
  const spec = readSpec("voxo");

  it("uses servers[0].url as its default base URL", () => {
    expect(VOXO_DEFAULT_BASE_URL).toBe(spec.serverURL);
  });

  it("sends the token as the spec's bearer scheme", () => {
    expect(spec.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(voxoDescriptor.credential).toEqual({
      in: "header",
      name: "Authorization",
      prefix: "Bearer ",
    });
  });
});

describe("createVoxoClient", () => {
  it("patches a call campaign with a JSON body", async () => {
    const { client, requests } = setup();
    await client.PATCH("/admin/call-campaigns/{campaignId}", {
      params: { path: { campaignId: 42 } },
      body: {
        state: "PAUSED",
        callHoursStart: "09:00",
        callHoursEnd: "17:00",
        timezone: "Europe/Lisbon",
      },
    });
    expect(requests).toEqual([
      {
        method: "PATCH",
        url: "https://api.voxo.co/v2/admin/call-campaigns/42",
        headers: {
          authorization: `Bearer ${API_KEY}`,
          "content-type": "application/json",
          "user-agent": `campaignkit-voxo/${PACKAGE_VERSION}`,
        },
        body: JSON.stringify({
          state: "PAUSED",
          callHoursStart: "09:00",
          callHoursEnd: "17:00",
          timezone: "Europe/Lisbon",
        }),
      },
    ]);
  });

  it("lists legacy campaigns by tenant without a Content-Type on the GET", async () => {
    const { client, requests } = setup(() => Response.json([{ id: 1, name: "A" }]));
    const { data } = await client.GET("/call-campaigns", { params: { query: { tenantId: 7 } } });
    expect(data?.[0]?.name).toBe("A");
    expect(requests[0]?.url).toBe("https://api.voxo.co/v2/call-campaigns?tenantId=7");
    expect(requests[0]?.headers["content-type"]).toBeUndefined();
  });

  it("gets one legacy campaign", async () => {
    const { client, requests } = setup(() => Response.json({ id: 9 }));
    await client.GET("/call-campaigns/{id}", { params: { path: { id: 9 } } });
    expect(requests[0]).toMatchObject({
      method: "GET",
      url: "https://api.voxo.co/v2/call-campaigns/9",
    });
  });

  it("keeps an undocumented error body as `error`", async () => {
    const { client } = setup(() => new Response("Unauthorized", { status: 401 }));
    const { error, response } = await client.GET("/call-campaigns/{id}", {
      params: { path: { id: 9 } },
    });
    expect(response.status).toBe(401);
    expect(error).toBe("Unauthorized");
  });
});
