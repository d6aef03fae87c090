import { gzipSync } from "node:zlib";
import { CampaignkitError, type ProviderSettings } from "@campaignkit/core";
import type { SandboxVendor } from "@campaignkit/sandbox";
import { expect } from "vitest";
import type { HostileAttack } from "./attack.ts";
import {
  baseURLVia,
  freshContext,
  honestProvider,
  hostileProvider,
  rejectionOf,
} from "./context.ts";
import { forward } from "./hostile-server.ts";

/** Reads: the specs name every operation that changes nothing `get…`, `list…` or `search…`. */
const isRead = (operationId: string | undefined) =>
  /^(get|list|search)[A-Z]/.test(operationId ?? "");

/** A fetch that never passes the abort signal on: only campaignkit's own deadline can end the call. */
const deafFetch = async (request: Request) =>
  fetch(request.url, {
    method: request.method,
    headers: request.headers,
    redirect: "manual",
    ...(request.body === null ? {} : { body: await request.text() }),
  });

/** A setting (or per-call option) that must be refused before any request leaves. */
const BAD_SETTINGS: readonly [string, Partial<ProviderSettings>, string][] = [
  ["timeout 2^31 (past the timer range)", { timeout: 2 ** 31 }, "timeout"],
  ["timeout NaN", { timeout: Number.NaN }, "timeout"],
  ["timeout -1", { timeout: -1 }, "timeout"],
  ["timeout Infinity", { timeout: Number.POSITIVE_INFINITY }, "timeout"],
  ["maxRetries 11", { maxRetries: 11 }, "maxRetries"],
  ["maxResponseBytes 0", { maxResponseBytes: 0 }, "maxResponseBytes"],
  [
    'allowInsecureBaseURL "false"',
    { allowInsecureBaseURL: "false" as never },
    "allowInsecureBaseURL",
  ],
];

function settingAttack(
  label: string,
  settings: Partial<ProviderSettings>,
  field: string,
): HostileAttack {
  return {
    class: "transport",
    name: `the setting ${label} is VALIDATION naming it, before any request`,
    async run(vendor) {
      const ready = await freshContext();
      const error = await rejectionOf(
        (async () =>
          hostileProvider(ready, vendor, settings).getCampaign(vendor.provider.sampleId))(),
      );
      expect(error).toMatchObject({ code: "VALIDATION", field });
      expect(ready.vendorServer.received).toHaveLength(0);
    },
  };
}

function baseURLAttack(suffix: string): HostileAttack {
  return {
    class: "transport",
    name: `a base URL ending in a bare ${JSON.stringify(suffix)} is VALIDATION, before any request`,
    async run(vendor) {
      const ready = await freshContext();
      const baseURL = `${baseURLVia(ready, ready.vendorServer, vendor.id)}${suffix}`;
      const error = await rejectionOf(
        (async () =>
          hostileProvider(ready, vendor, { baseURL }).pauseCampaign(vendor.provider.sampleId))(),
      );
      expect(error).toMatchObject({ code: "VALIDATION", field: "baseURL" });
      expect(ready.vendorServer.received).toHaveLength(0);
    },
  };
}

export const TRANSPORT_ATTACKS: readonly HostileAttack[] = [
  {
    class: "transport",
    name: "a gzip body with an honest Content-Length that inflates past the cap is refused",
    async run(vendor) {
      const ready = await freshContext();
      const bomb = gzipSync(Buffer.from(`{"pad":"${"0".repeat(16 * 1024 * 1024)}"}`));
      ready.vendorServer.handle((_, response) => {
        response
          .writeHead(200, {
            "content-type": "application/json",
            "content-encoding": "gzip",
            "content-length": String(bomb.byteLength),
          })
          .end(bomb);
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor, { maxResponseBytes: 256 * 1024 }).getCampaign(
          vendor.provider.sampleId,
        ),
      );
      expect(bomb.byteLength).toBeLessThan(256 * 1024);
      expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
      expect((error as Error).message).toContain("once decompressed");
    },
  },
  {
    class: "transport",
    name: "the deadline wins over a fetch that ignores the signal, when no answer comes",
    async run(vendor) {
      const ready = await freshContext();
      ready.vendorServer.handle(() => undefined);
      // Real time on purpose: the deadline against a real socket, kept short (300 ms).
      const error = await rejectionOf(
        hostileProvider(ready, vendor, { fetch: deafFetch, timeout: 300 }).getCampaign(
          vendor.provider.sampleId,
        ),
      );
      expect(error).toMatchObject({ code: "TIMEOUT" });
    },
  },
  {
    class: "transport",
    name: "the deadline wins over a fetch that ignores the signal, when the body never ends",
    async run(vendor) {
      const ready = await freshContext();
      ready.vendorServer.handle((_, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
        response.write('{"campaigns":[');
      });
      // Real time on purpose: the deadline against a real socket, kept short (300 ms).
      const error = await rejectionOf(
        hostileProvider(ready, vendor, { fetch: deafFetch, timeout: 300 }).getCampaign(
          vendor.provider.sampleId,
        ),
      );
      expect(error).toMatchObject({ code: "TIMEOUT" });
    },
  },
  {
    class: "transport",
    name: "a connection reset after the headers of a read is retried like one before them",
    async run(vendor) {
      const ready = await freshContext();
      let requests = 0;
      ready.vendorServer.handle(async (request, response) => {
        requests += 1;
        if (requests === 1) {
          response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
          response.write('{"data":');
          setImmediate(() => response.socket?.destroy());
          return;
        }
        const answer = await forward(ready.sandbox.url, request);
        response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.text);
      });
      const campaign = await hostileProvider(ready, vendor, { maxRetries: 1 }).getCampaign(
        vendor.provider.sampleId,
      );
      expect(campaign.id).toBe(vendor.provider.sampleId);
      expect(requests).toBe(2);
    },
  },
  ...BAD_SETTINGS.map(([label, settings, field]) => settingAttack(label, settings, field)),
  baseURLAttack("?"),
  baseURLAttack("#"),
  {
    class: "transport",
    name: "a per-call timeout of 2^31 ms is VALIDATION, before any request",
    async run(vendor) {
      const ready = await freshContext();
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId, { timeout: 2 ** 31 }),
      );
      expect(error).toMatchObject({ code: "VALIDATION", field: "options.timeout" });
      expect(ready.vendorServer.received).toHaveLength(0);
    },
  },
  {
    class: "transport",
    name: "a campaign name of the wrong type is INVALID_RESPONSE",
    async run(vendor) {
      const ready = await freshContext();
      const { name } = await honestProvider(ready, vendor).getCampaign(vendor.provider.sampleId);
      expect(typeof name).toBe("string");
      ready.vendorServer.handle(async (request, response) => {
        const answer = await forward(ready.sandbox.url, request);
        const swapped = JSON.stringify(JSON.parse(answer.text), (_, value) =>
          value === name ? 12345 : value,
        );
        response.writeHead(answer.status, { "content-type": "application/json" }).end(swapped);
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId),
      );
      expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
    },
  },
  {
    class: "transport",
    name: "a 100 000-deep JSON answer is refused, so raw can always be serialized",
    async run(vendor) {
      const ready = await freshContext();
      const depth = 100_000;
      ready.vendorServer.handle((_, response) => {
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(`{"deep":${"[".repeat(depth)}${"]".repeat(depth)}}`);
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId),
      );
      expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
      expect(() => JSON.stringify(error)).not.toThrow();
    },
  },
  {
    class: "transport",
    name: "a write whose answer is over the cap says it was applied (details.applied)",
    async run(vendor) {
      const ready = await freshContext();
      // An active campaign, so the pause is a real change the vendor accepts.
      let id: string | undefined;
      for await (const campaign of honestProvider(ready, vendor).listCampaigns({
        status: "active",
      })) {
        id ??= campaign.id;
      }
      if (id === undefined) throw new Error("the sandbox has no active campaign to pause");
      ready.vendorServer.handle(async (request, response) => {
        const answer = await forward(ready.sandbox.url, request);
        const operationId = ready.sandbox.requests(vendor.id as SandboxVendor).at(-1)?.operationId;
        const body = isRead(operationId)
          ? answer.text
          : JSON.stringify({ padding: "x".repeat(128 * 1024) });
        response.writeHead(answer.status, { "content-type": "application/json" }).end(body);
      });
      const provider = hostileProvider(ready, vendor, { maxResponseBytes: 64 * 1024 });
      const error = await rejectionOf(provider.pauseCampaign(id));
      expect(error).toBeInstanceOf(CampaignkitError);
      const details = (error as CampaignkitError).details ?? {};
      expect(details.answerUnread).toBe(true);
      expect(details.applied).toEqual(expect.arrayContaining([expect.any(String)]));
      expect(details.failed).toBeUndefined();
      // The vendor did apply it.
      const after = await honestProvider(ready, vendor).getCampaign(id);
      expect(after.status).toBe("paused");
    },
  },
];
