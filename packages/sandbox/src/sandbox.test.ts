import { createServer } from "node:net";
import { createAltur } from "@campaignkit/altur";
import { describe, expect, it } from "vitest";
import { SIMULATIONS } from "./generated/simulators.js";
import {
  loadSpec,
  SANDBOX_API_KEYS,
  SANDBOX_VENDORS,
  SANDBOX_VOXO_TENANT_ID,
  type SandboxVendor,
  startSandbox,
} from "./index.js";
import { raw } from "./test-support/wire.js";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The path of the spec's `servers[0].url`, without a trailing slash. */
const serverPath = (vendor: string) =>
  new URL(
    String((loadSpec(vendor).document.servers as { url: string }[])[0]?.url),
  ).pathname.replace(/\/$/, "");

const idsOf = (campaigns: readonly unknown[], key: string) =>
  campaigns.map((c) => (c as Record<string, unknown>)[key]);

describe("startSandbox", () => {
  it("serves every vendor under its prefix and spec server path, with the sandbox keys", async () => {
    const sandbox = await startSandbox();
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // Each vendor under /<vendor>, at its spec's server path, with its simulator's key and settings.
      expect(sandbox.vendors).toEqual(
        Object.fromEntries(
          SIMULATIONS.map((simulation) => [
            simulation.vendor,
            {
              baseURL: `${sandbox.url}/${simulation.vendor}${serverPath(simulation.vendor)}`,
              apiKey: SANDBOX_API_KEYS[simulation.vendor],
              ...simulation.settings,
            },
          ]),
        ),
      );
      expect(sandbox.vendors.velip.baseURL).toBe(`${sandbox.url}/velip/api/v2`);
      expect(sandbox.vendors.voxo).toMatchObject({ tenantId: SANDBOX_VOXO_TENANT_ID });
      for (const vendor of SANDBOX_VENDORS)
        expect(sandbox.campaigns(vendor).length).toBeGreaterThan(2);
      const outside = await fetch(`${sandbox.url}/elsewhere`);
      expect(outside.status).toBe(404);
      await outside.body?.cancel();
    } finally {
      await sandbox.close();
    }
  });

  it("routes only the vendors it started, and listens on the port asked for", async () => {
    const port = await freePort();
    const sandbox = await startSandbox({ vendors: ["altur"], port });
    try {
      expect(sandbox.url).toBe(`http://127.0.0.1:${port}`);
      expect((await raw(sandbox, "altur", "GET", "/campaigns/123")).status).toBe(200);
      const velip = await raw(sandbox, "velip", "POST", "/GetCampaignsList.php", { json: {} });
      expect(velip.status).toBe(404);
      expect(sandbox.requests("velip")).toEqual([
        { method: "POST", path: "/api/v2/GetCampaignsList.php", status: 404 },
      ]);
      expect(sandbox.campaigns("velip")).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it("answers unknown paths and methods in the vendor's shape", async () => {
    const sandbox = await startSandbox({ vendors: ["asisso", "altur"] });
    try {
      const path = await raw(sandbox, "asisso", "GET", "/nothing");
      expect([path.status, path.body]).toEqual([404, { detail: "Not Found" }]);
      const method = await raw(sandbox, "asisso", "DELETE", "/campaign/123");
      expect([method.status, method.headers.get("allow")]).toEqual([405, "GET, PATCH"]);
      expect((await raw(sandbox, "altur", "GET", "/campaigns/777")).body).toEqual({
        error: "NOT_FOUND",
      });
    } finally {
      await sandbox.close();
    }
  });

  it("adds extraCampaigns per vendor with ids that follow on", async () => {
    const sandbox = await startSandbox({ extraCampaigns: 2 });
    try {
      const tail = (vendor: SandboxVendor, key: string) =>
        idsOf(sandbox.campaigns(vendor), key).slice(-2);
      expect(tail("altur", "id")).toEqual([1239, 1240]);
      expect(tail("asisso", "id")).toEqual([126, 127]);
      expect(tail("convoso", "id")).toEqual(["334", "335"]);
      expect(tail("velip", "cp_id")).toEqual([987656, 987657]);
      expect(tail("voxo", "id")).toEqual([124, 125]);
    } finally {
      await sandbox.close();
    }
    await expect(startSandbox({ extraCampaigns: -1 })).rejects.toThrow(RangeError);
    await expect(startSandbox({ vendors: ["nope" as SandboxVendor] })).rejects.toThrow(TypeError);
  });

  it("logs every request, hands out copies, and reset() restores the seed", async () => {
    const sandbox = await startSandbox({ vendors: ["altur"] });
    try {
      const altur = createAltur(sandbox.vendors.altur);
      await altur.updateCampaign("1234", { name: "Renamed", status: "paused" });
      expect(sandbox.requests("altur")).toEqual([
        {
          method: "POST",
          path: "/api/v1.0/campaigns/1234/pause",
          status: 200,
          operationId: "runCampaignAction",
        },
        {
          method: "PATCH",
          path: "/api/v1.0/campaigns/1234",
          status: 200,
          operationId: "updateCampaign",
        },
      ]);
      const [first] = sandbox.campaigns("altur") as { name: string }[];
      if (first) first.name = "changed by the caller";
      expect(idsOf(sandbox.campaigns("altur"), "name")[0]).toBe("Holiday reactivation");
      expect(idsOf(sandbox.campaigns("altur"), "name")[1]).toBe("Renamed");

      sandbox.reset();
      expect(sandbox.requests("altur")).toEqual([]);
      expect(idsOf(sandbox.campaigns("altur"), "name")[1]).toBe("Q2 Reactivation");
      expect((await altur.getCampaign("1234")).status).toBe("active");
    } finally {
      await sandbox.close();
    }
  });

  it("closes with a request in flight, leaving no server or timer behind", async () => {
    const count = (kind: string) =>
      process.getActiveResourcesInfo().filter((resource) => resource === kind).length;
    const servers = count("TCPServerWrap");
    const timers = count("Timeout");
    const sandbox = await startSandbox({ vendors: ["voxo"] });
    sandbox.injectFaults("voxo", { kind: "latency", ms: 600_000 });
    const pending = raw(sandbox, "voxo", "GET", "/call-campaigns/101").catch((error) => error);
    // Real I/O: poll (5 ms turns) until the request has reached the server through the socket.
    while (sandbox.requests("voxo").length === 0) await new Promise((r) => setTimeout(r, 5));
    await sandbox.close();
    await sandbox.close(); // a second close is harmless
    expect(await pending).toBeInstanceOf(Error);
    expect(count("TCPServerWrap")).toBe(servers);
    expect(count("Timeout")).toBeLessThanOrEqual(timers);
    await expect(fetch(`${sandbox.url}/voxo/v2/call-campaigns/101`)).rejects.toThrow();
  });
});
