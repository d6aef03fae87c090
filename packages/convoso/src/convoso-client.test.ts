import { readSpec, recordingFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "./generated/version.js";
import { CONVOSO_DEFAULT_BASE_URL, convosoDescriptor, createConvosoClient } from "./index.js";

const API_KEY = "convoso-test-token";

function setup(respond?: (request: Request) => Response) {
  const recorder = recordingFetch(respond);
  const client = createConvosoClient({ apiKey: API_KEY, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe("the Convoso package agrees with specs/convoso.openapi.yaml", () => {
  it("uses servers[0].url as its default base URL", () => {
    expect(CONVOSO_DEFAULT_BASE_URL).toBe(readSpec("convoso").serverURL);
  });

  it("sends auth_token as a form field", () => {
    expect(convosoDescriptor.credential).toEqual({ in: "form-field", name: "auth_token" });
    expect(convosoDescriptor.requestContentType).toBe("application/x-www-form-urlencoded");
  });
});

describe("createConvosoClient", () => {
  it("posts the status change form-urlencoded, with auth_token in the body", async () => {
    const { client, requests } = setup(() => Response.json({ success: true }));
    const { data } = await client.POST("/campaigns/status", {
      body: { campaign_id: "111", status: true },
    });
    expect(data).toEqual({ success: true });
    expect(requests).toEqual([
      {
        method: "POST",
        url: "https://api.convoso.com/v1/campaigns/status",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": `campaignkit-convoso/${PACKAGE_VERSION}`,
        },
        body: `campaign_id=111&status=true&auth_token=${API_KEY}`,
      },
    ]);
    expect(requests[0]?.url).not.toContain(API_KEY);
  });

  it("sends a search whose only field is the credential", async () => {
    const { client, requests } = setup(() => Response.json({ data: [] }));
    await client.POST("/campaigns/search", { body: {} });
    expect(requests[0]?.body).toBe(`auth_token=${API_KEY}`);
    expect(requests[0]?.url).toBe("https://api.convoso.com/v1/campaigns/search");
  });

  it("sends the configured token even when a caller puts another one in the body", async () => {
    const { client, requests } = setup();
    const body = { campaign_id: "1", status: true, auth_token: "someone-else" };
    await client.POST("/campaigns/status", { body });
    expect(requests[0]?.body).toBe(`campaign_id=1&status=true&auth_token=${API_KEY}`);
  });

  it("hands a business error that arrives with HTTP 200 back as data, unchanged", async () => {
    const failure = { success: false, error: "Campaign not found" };
    const { client } = setup(() => Response.json(failure));
    const { data, error } = await client.POST("/campaigns/status", {
      body: { campaign_id: "9", status: false },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual(failure);
  });
});
