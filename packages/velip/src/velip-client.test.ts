import { readSpec, recordingFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { PACKAGE_VERSION } from "./generated/version.js";
import { createVelipClient, VELIP_DEFAULT_BASE_URL, velipDescriptor } from "./index.js";

const API_KEY = "velip-test-tsid-0001";

function setup(respond?: (request: Request) => Response) {
  const recorder = recordingFetch(respond);
  const client = createVelipClient({ apiKey: API_KEY, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

describe("the Velip package agrees with specs/velip.openapi.yaml", () => {
  const spec = readSpec("velip");

  it("uses servers[0].url as its default base URL", () => {
    expect(VELIP_DEFAULT_BASE_URL).toBe(spec.serverURL);
  });

  it("sends the tsid as the spec's bearer scheme, not in the body", () => {
    expect(spec.securitySchemes.tsidBearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(velipDescriptor.credential).toEqual({
      in: "header",
      name: "Authorization",
      prefix: "Bearer ",
    });
  });
});

describe("createVelipClient", () => {
  it("posts ChangeCampaign as JSON with the token in the Authorization header", async () => {
    const { client, requests } = setup();
    await client.POST("/ChangeCampaign.php", {
      body: { cp_id: 987654, active: 0, time_end: "20:00:00", lig_min: "max" },
    });
    expect(requests).toEqual([
      {
        method: "POST",
        url: "https://vox.velip.com.br/api/v2/ChangeCampaign.php",
        headers: {
          authorization: `Bearer ${API_KEY}`,
          "content-type": "application/json",
          "user-agent": `campaignkit-velip/${PACKAGE_VERSION}`,
        },
        body: JSON.stringify({ cp_id: 987654, active: 0, time_end: "20:00:00", lig_min: "max" }),
      },
    ]);
    expect(requests[0]?.body).not.toContain(API_KEY);
  });

  it("reads trailing-space keys and string-typed numbers exactly as they arrive", async () => {
    const { client } = setup(() =>
      Response.json({
        return: { status: "OK", status_code: "0" },
        campaigns: [{ cp_id: 987654, "cp_active ": "0", cp_pas: "null", cp_lig_min: "max" }],
      }),
    );
    const { data } = await client.POST("/GetCampaignsList.php", { body: { cp_id: 987654 } });
    const campaign = data?.campaigns?.[0];
    expect(campaign?.["cp_active "]).toBe("0");
    expect(campaign?.cp_pas).toBe("null");
    expect(campaign?.cp_lig_min).toBe("max");
    expect(data?.return.status_code).toBe("0");
  });

  it("returns the documented error envelope as `error`", async () => {
    const { client } = setup(() =>
      Response.json({ return: { status: "cp_id no valid", status_code: "212" } }, { status: 400 }),
    );
    const { error } = await client.POST("/ChangeCampaign.php", { body: { cp_id: 1, active: 1 } });
    expect(error).toEqual({ return: { status: "cp_id no valid", status_code: "212" } });
  });
});
