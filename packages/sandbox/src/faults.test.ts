import { createAsisso } from "@campaignkit/asisso";
import { createConvoso } from "@campaignkit/convoso";
import { CampaignkitError } from "@campaignkit/core";
import { createVoxo } from "@campaignkit/voxo";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { swapTypes } from "./faults.js";
import { type Fault, SANDBOX_VENDORS, type SandboxVendor, startSandbox } from "./index.js";
import { providerOn, sampleCampaignId } from "./test-support/vendors.js";
import { raw, rejectionOf } from "./test-support/wire.js";

const sandbox = await startSandbox({ enforceRateLimits: false });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** Each vendor's provider without retries, reading the campaign its spec examples answer for. */
const reader = (vendor: SandboxVendor) => () =>
  providerOn(sandbox, vendor, { maxRetries: 0 }).getCampaign(sampleCampaignId(vendor));
const readers = Object.fromEntries(
  SANDBOX_VENDORS.map((vendor) => [vendor, reader(vendor)]),
) as Record<SandboxVendor, () => Promise<unknown>>;
const VENDORS = SANDBOX_VENDORS;
const MALFORMED = [
  "empty",
  "html",
  "truncated-json",
  "wrong-content-type",
  "huge",
  "wrong-types",
] as const;

describe("malformed answers", () => {
  describe.each(VENDORS)("%s", (vendor) => {
    it.each(MALFORMED)("%s: the provider rejects with a CampaignkitError", async (body) => {
      sandbox.injectFaults(vendor, { kind: "malformed", body });
      const error = await rejectionOf(readers[vendor]());
      expect(error).toBeInstanceOf(CampaignkitError);
      expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
      expect(sandbox.requests(vendor)[0]).toMatchObject({ status: 200, fault: "malformed" });
      await expect(readers[vendor]()).resolves.toBeDefined(); // one request only
    });
  });

  it("sends each kind as described, on the wire", async () => {
    const path = "/campaigns/123";
    const normal = await raw(sandbox, "altur", "GET", path);
    sandbox.injectFaults(
      "altur",
      { kind: "malformed", body: "empty" },
      { kind: "malformed", body: "html" },
      { kind: "malformed", body: "truncated-json" },
      { kind: "malformed", body: "wrong-content-type" },
      { kind: "malformed", body: "wrong-types" },
      { kind: "malformed", body: "huge" },
    );
    const empty = await raw(sandbox, "altur", "GET", path);
    expect([empty.status, empty.text]).toEqual([200, ""]);
    const html = await raw(sandbox, "altur", "GET", path);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.text).toMatch(/<html>/);
    const truncated = await raw(sandbox, "altur", "GET", path);
    expect(truncated.headers.get("content-type")).toBe("application/json");
    expect(truncated.text).toBe(normal.text.slice(0, Math.floor(normal.text.length / 2)));
    const plain = await raw(sandbox, "altur", "GET", path);
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(plain.body).toEqual(normal.body);
    const swapped = await raw(sandbox, "altur", "GET", path);
    expect(swapped.body).toMatchObject({
      success: true,
      campaign: { id: { value: 123 }, name: "Holiday reactivation".length },
    });
    const huge = await raw(sandbox, "altur", "GET", path);
    expect(huge.text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(huge.body).toMatchObject({ sandbox_fault: "huge" });
  });

  it("swaps types but keeps the success envelope", () => {
    expect(
      swapTypes({
        return: { status: "OK", status_code: "0" },
        campaigns: [{ cp_id: 1, cp_name: "ab", n: 2, on: true }],
      }),
    ).toEqual({
      return: { status: "OK", status_code: "0" },
      campaigns: [{ cp_id: { value: 1 }, cp_name: 2, n: "2", on: "true" }],
    });
  });
});

describe("status, latency and reset faults", () => {
  it("answers the status for exactly `times` requests, with retry-after", async () => {
    sandbox.injectFaults("voxo", { kind: "status", status: 503, times: 2, retryAfterSeconds: 0 });
    // The provider retries (GET is idempotent): two 503s, then the real answer.
    await expect(createVoxo(sandbox.vendors.voxo).getCampaign("101")).resolves.toMatchObject({
      id: "101",
    });
    expect(sandbox.requests("voxo").map((r) => [r.status, r.fault])).toEqual([
      [503, "status"],
      [503, "status"],
      [200, undefined],
    ]);
    sandbox.injectFaults("voxo", {
      kind: "status",
      status: 429,
      retryAfterSeconds: 7,
      body: "slow down",
    });
    const limited = await raw(sandbox, "voxo", "GET", "/call-campaigns/101");
    expect([limited.status, limited.headers.get("retry-after"), limited.text]).toEqual([
      429,
      "7",
      "slow down",
    ]);
  });

  it("answers a status in the vendor's error shape: Asisso 402 is QUOTA", async () => {
    sandbox.injectFaults("asisso", { kind: "status", status: 402 });
    const error = await rejectionOf(createAsisso(sandbox.vendors.asisso).resumeCampaign("125"));
    expect(error).toMatchObject({ code: "QUOTA", httpStatus: 402 });
    expect((await raw(sandbox, "asisso", "GET", "/campaign/125")).body).toMatchObject({
      state: "paused",
    });
  });

  it("delays then answers normally on latency", async () => {
    // A real (short) delay on a real socket: the answer still arrives whole after it.
    sandbox.injectFaults("convoso", { kind: "latency", ms: 30 });
    await expect(createConvoso(sandbox.vendors.convoso).getCampaign("111")).resolves.toMatchObject({
      name: "Sales Campaign",
    });
    expect(sandbox.requests("convoso")).toEqual([
      {
        method: "POST",
        path: "/v1/campaigns/search",
        status: 200,
        fault: "latency",
        operationId: "searchCampaigns",
      },
    ]);
  });

  it("resets the connection: a NETWORK error without retries", async () => {
    sandbox.injectFaults("velip", { kind: "reset" });
    const error = await rejectionOf(readers.velip());
    expect(error).toBeInstanceOf(CampaignkitError);
    expect(error).toMatchObject({ code: "NETWORK" });
    expect(sandbox.requests("velip")[0]).toMatchObject({ status: 0, fault: "reset" });
  });

  it("applies faults in order, per vendor, and reset() drops the queue", async () => {
    sandbox.injectFaults("altur", { kind: "status", status: 500 }, { kind: "status", status: 502 });
    expect((await raw(sandbox, "asisso", "GET", "/campaign/123")).status).toBe(200);
    expect((await raw(sandbox, "altur", "GET", "/campaigns/123")).status).toBe(500);
    sandbox.reset();
    expect((await raw(sandbox, "altur", "GET", "/campaigns/123")).status).toBe(200);
  });

  it("refuses a fault it cannot apply", () => {
    const bad = [
      { kind: "status", status: 42 },
      { kind: "latency", ms: -1 },
      { kind: "reset", times: 0 },
      { kind: "malformed", body: "xml" },
    ] as unknown as Fault[];
    for (const fault of bad) expect(() => sandbox.injectFaults("altur", fault)).toThrow(RangeError);
  });
});
