import { readSpec, recordingFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "./generated/version.js";
import { ASISSO_DEFAULT_BASE_URL, asissoDescriptor, createAsissoClient } from "./index.js";

const API_KEY = "as_test_key";

function setup(respond?: (request: Request) => Response) {
  const recorder = recordingFetch(respond);
  const client = createAsissoClient({ apiKey: API_KEY, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe("the Asisso package agrees with specs/asisso.openapi.yaml", () => {
  const spec = readSpec("asisso");

  it("uses servers[0].url as its default base URL", () => {
    expect(ASISSO_DEFAULT_BASE_URL).toBe(spec.serverURL);
  });

  it("sends the key in the spec's X-API-Key header", () => {
    expect(spec.securitySchemes.apiKeyHeader).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-API-Key",
    });
    expect(asissoDescriptor.credential).toEqual({ in: "header", name: "X-API-Key" });
  });
});

describe("createAsissoClient", () => {
  it("patches a campaign with a JSON body", async () => {
    const { client, requests } = setup();
    await client.PATCH("/campaign/{campaign_id}", {
      params: { path: { campaign_id: 5 } },
      body: {
        max_concurrency: 20,
        schedule_config: {
          enabled: true,
          timezone: "Europe/Lisbon",
          slots: [{ day_of_week: 0, start_time: "09:00", end_time: "17:00" }],
        },
      },
    });
    expect(requests).toEqual([
      {
        method: "PATCH",
        url: "https://app.asisso.com/api/v1/campaign/5",
        headers: {
          "x-api-key": API_KEY,
          "content-type": "application/json",
          "user-agent": `campaignkit-asisso/${PACKAGE_VERSION}`,
        },
        body: JSON.stringify({
          max_concurrency: 20,
          schedule_config: {
            enabled: true,
            timezone: "Europe/Lisbon",
            slots: [{ day_of_week: 0, start_time: "09:00", end_time: "17:00" }],
          },
        }),
      },
    ]);
  });

  it("lists campaigns on the documented trailing-slash path", async () => {
    const { client, requests } = setup(() => Response.json({ campaigns: [] }));
    const { data } = await client.GET("/campaign/");
    expect(data).toEqual({ campaigns: [] });
    expect(requests[0]?.url).toBe("https://app.asisso.com/api/v1/campaign/");
  });

  it.each(["start", "pause", "resume"] as const)("posts the %s action", async (action) => {
    const { client, requests } = setup();
    await client.POST(`/campaign/{campaign_id}/${action}`, {
      params: { path: { campaign_id: 3 } },
    });
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: `https://app.asisso.com/api/v1/campaign/3/${action}`,
      body: undefined,
    });
  });

  it("returns the documented auth error body as `error`", async () => {
    const { client } = setup(() =>
      Response.json({ detail: "Invalid or expired API key" }, { status: 401 }),
    );
    const { error } = await client.GET("/campaign/{campaign_id}", {
      params: { path: { campaign_id: 3 } },
    });
    expect(error).toEqual({ detail: "Invalid or expired API key" });
  });
});
