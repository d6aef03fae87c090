import { describe, expect, it } from "vitest";
import { CampaignkitError } from "../errors.js";
import { createVendorClient, type VendorDescriptor } from "./create-vendor-client.js";

interface TestPaths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { id: number } };
        };
      };
    };
    patch: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody: { content: { "application/json": { name?: string } } };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { id: number } };
        };
      };
    };
  };
}

const headerVendor: VendorDescriptor = {
  vendor: "testvendor",
  defaultBaseURL: "https://api.example.test/v1",
  credential: { in: "header", name: "Authorization", prefix: "api-key " },
  userAgent: "campaignkit-testvendor/1.2.3",
};

function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json({ id: 7 });
  };
  return { requests, fetch };
}

describe("createVendorClient", () => {
  it("sends to the documented base URL with the credential header and user agent", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createVendorClient<TestPaths>(headerVendor, { apiKey: "k-123", fetch });
    const { data } = await client.GET("/things/{id}", { params: { path: { id: 7 } } });
    expect(data).toEqual({ id: 7 });
    const [request] = requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("https://api.example.test/v1/things/7");
    expect(request?.headers.get("authorization")).toBe("api-key k-123");
    expect(request?.headers.get("user-agent")).toBe("campaignkit-testvendor/1.2.3");
    expect(request?.headers.get("content-type")).toBeNull();
  });

  it("replaces the base URL whole and drops a trailing slash", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createVendorClient<TestPaths>(headerVendor, {
      apiKey: "k",
      fetch,
      baseURL: "http://127.0.0.1:4010/api/v1.0/",
    });
    await client.PATCH("/things/{id}", { params: { path: { id: 1 } }, body: { name: "x" } });
    expect(requests[0]?.url).toBe("http://127.0.0.1:4010/api/v1.0/things/1");
    expect(await requests[0]?.json()).toEqual({ name: "x" });
  });

  it("does not let a caller header replace the credential", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createVendorClient<TestPaths>(headerVendor, {
      apiKey: "real",
      fetch,
      headers: { authorization: "Bearer other", "X-Trace": "t1" },
    });
    await client.GET("/things/{id}", { params: { path: { id: 1 } } });
    expect(requests[0]?.headers.get("authorization")).toBe("api-key real");
    expect(requests[0]?.headers.get("x-trace")).toBe("t1");
  });

  it("resolves globalThis.fetch at call time", async () => {
    const client = createVendorClient<TestPaths>(headerVendor, { apiKey: "k" });
    const original = globalThis.fetch;
    const { requests, fetch } = recordingFetch();
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      await client.GET("/things/{id}", { params: { path: { id: 2 } } });
    } finally {
      globalThis.fetch = original;
    }
    expect(requests).toHaveLength(1);
  });

  it("puts a form-field credential in the body, never in the URL", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createVendorClient<TestPaths>(
      {
        ...headerVendor,
        credential: { in: "form-field", name: "auth_token" },
        requestContentType: "application/x-www-form-urlencoded",
      },
      { apiKey: "tok-9", fetch },
    );
    await client.PATCH("/things/{id}", { params: { path: { id: 3 } }, body: { name: "a b" } });
    const [request] = requests;
    expect(request?.url).not.toContain("tok-9");
    expect(request?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await request?.text()).toBe("name=a+b&auth_token=tok-9");
  });

  it.each([
    [{ apiKey: "" }, "apiKey"],
    [{ apiKey: "k\r\nX-Evil: 1" }, "apiKey"],
    [{ apiKey: "k", baseURL: "not a url" }, "baseURL"],
    [{ apiKey: "k", baseURL: "http://api.example.test/v1" }, "baseURL"],
    [{ apiKey: "k", baseURL: "https://user:pw@api.example.test/v1" }, "baseURL"],
    [{ apiKey: "k", baseURL: "ftp://api.example.test/v1" }, "baseURL"],
  ])("rejects %j with a VALIDATION error naming %s", (settings, field) => {
    const attempt = () => createVendorClient<TestPaths>(headerVendor, settings);
    expect(attempt).toThrow(CampaignkitError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: "VALIDATION", field, vendor: "testvendor" });
      expect(String((error as Error).message)).not.toContain("pw");
    }
  });

  it("accepts plain http on a non-loopback host only when the caller opts in", () => {
    expect(() =>
      createVendorClient<TestPaths>(headerVendor, {
        apiKey: "k",
        baseURL: "http://proxy.internal/v1",
        allowInsecureBaseURL: true,
      }),
    ).not.toThrow();
  });
});
