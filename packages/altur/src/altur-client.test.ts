import { readSpec, recordingFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "./generated/version.js";
import { ALTUR_DEFAULT_BASE_URL, alturDescriptor, createAlturClient } from "./index.js";

const API_KEY = "altur-test-key";

function setup(respond?: (request: Request) => Response) {
  const recorder = recordingFetch(respond);
  const client = createAlturClient({ apiKey: API_KEY, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe("the Altur package agrees with specs/altur.openapi.yaml", () => {
  const spec = readSpec("altur");

  it("uses servers[0].url as its default base URL", () => {
    expect(ALTUR_DEFAULT_BASE_URL).toBe(spec.serverURL);
  });

  it("sends the credential as the spec's security scheme says", () => {
    expect(spec.securitySchemes.apiKeyAuth).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "Authorization",
    });
    expect(alturDescriptor.credential).toEqual({
      in: "header",
      name: spec.securitySchemes.apiKeyAuth?.name,
      prefix: spec.securitySchemes.apiKeyAuth?.["x-value-prefix"],
    });
  });
});

describe("createAlturClient", () => {
  it("lists campaigns with filters as query parameters", async () => {
    const { client, requests } = setup();
    await client.GET("/campaigns", {
      params: { query: { status: "active", integration: "phone_call", agentId: "ag-1" } },
    });
    expect(requests).toEqual([
      {
        method: "GET",
        url: "https://api.altur.io/api/v1.0/campaigns?status=active&integration=phone_call&agentId=ag-1",
        headers: {
          authorization: `api-key ${API_KEY}`,
          "user-agent": `campaignkit-altur/${PACKAGE_VERSION}`,
        },
        body: undefined,
      },
    ]);
  });

  it("gets one campaign and returns the typed body", async () => {
    const { client, requests } = setup(() =>
      Response.json({ success: true, campaign: { id: 1234, name: "Q2" } }),
    );
    const { data } = await client.GET("/campaigns/{id}", { params: { path: { id: 1234 } } });
    expect(data?.campaign?.name).toBe("Q2");
    expect(requests[0]?.url).toBe("https://api.altur.io/api/v1.0/campaigns/1234");
  });

  it("patches a campaign with a JSON body", async () => {
    const { client, requests } = setup();
    await client.PATCH("/campaigns/{id}", {
      params: { path: { id: 1234 } },
      body: { name: "Q2 Reactivation - wave 2", retries: 2 },
    });
    expect(requests[0]).toMatchObject({
      method: "PATCH",
      url: "https://api.altur.io/api/v1.0/campaigns/1234",
      headers: { authorization: `api-key ${API_KEY}`, "content-type": "application/json" },
    });
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({
      name: "Q2 Reactivation - wave 2",
      retries: 2,
    });
  });

  it("runs an action on the templated action path", async () => {
    const { client, requests } = setup();
    await client.POST("/campaigns/{id}/{action}", { params: { path: { id: 7, action: "pause" } } });
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: "https://api.altur.io/api/v1.0/campaigns/7/pause",
    });
  });

  it("returns a documented error body as `error`", async () => {
    const { client } = setup(() =>
      Response.json({ error: "IMMUTABLE_FIELD", field: "agent_id" }, { status: 400 }),
    );
    const { data, error, response } = await client.PATCH("/campaigns/{id}", {
      params: { path: { id: 1 } },
      body: { name: "x" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "IMMUTABLE_FIELD", field: "agent_id" });
  });

  it("reaches a local server through baseURL", async () => {
    const recorder = recordingFetch();
    const client = createAlturClient({
      apiKey: API_KEY,
      fetch: recorder.fetch,
      baseURL: "http://127.0.0.1:4010/api/v1.0",
    });
    await client.GET("/campaigns/{id}", { params: { path: { id: 5 } } });
    expect(recorder.requests[0]?.url).toBe("http://127.0.0.1:4010/api/v1.0/campaigns/5");
  });
});
