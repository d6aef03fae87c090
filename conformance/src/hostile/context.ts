import type { CampaignProvider, ProviderSettings } from "@campaignkit/core";
import {
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxVendor,
  startSandbox,
} from "@campaignkit/sandbox";
import type { ConformanceVendor } from "../vendors.ts";
import { forward, type HostileServer, startHostileServer } from "./hostile-server.ts";

/** Canary keys (the test output is scanned for the prefix) holding `/`, `+` and `=`, which every encoding treats differently. */
export const keyOf = (vendor: string) => `ck-canary-hostile-${vendor}/k+e=y`;

interface Context {
  sandbox: Sandbox;
  /** Plays the vendor: by default passes every request on to the sandbox, unchanged. */
  vendorServer: HostileServer;
  /** Another origin, where a redirect would take the credential. */
  elsewhere: HostileServer;
}

let context: Promise<Context> | undefined;

async function start(): Promise<Context> {
  const [sandbox, vendorServer, elsewhere] = await Promise.all([
    startSandbox({
      enforceRateLimits: false,
      apiKeys: Object.fromEntries(SANDBOX_VENDORS.map((vendor) => [vendor, keyOf(vendor)])),
    }),
    startHostileServer(),
    startHostileServer(),
  ]);
  return { sandbox, vendorServer, elsewhere };
}

/** The shared servers, back to their honest state: seeded sandbox, empty logs, plain pass-through. */
export async function freshContext(): Promise<Context> {
  context ??= start();
  const ready = await context;
  ready.sandbox.reset();
  for (const server of [ready.vendorServer, ready.elsewhere]) {
    server.received.length = 0;
    server.handle(async (request, response) => {
      const answer = await forward(ready.sandbox.url, request);
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (name !== "content-length" && name !== "content-encoding") headers[name] = value;
      });
      response.writeHead(answer.status, headers).end(answer.text);
    });
  }
  return ready;
}

export async function closeContext(): Promise<void> {
  if (!context) return;
  const { sandbox, vendorServer, elsewhere } = await context;
  context = undefined;
  await Promise.all([sandbox.close(), vendorServer.close(), elsewhere.close()]);
}

/** The vendor's base URL through `server` (same path as the sandbox's, another origin). */
export function baseURLVia(ready: Context, server: HostileServer, vendor: string): string {
  const endpoint = ready.sandbox.vendors[vendor as SandboxVendor];
  return `${server.origin}${new URL(endpoint.baseURL).pathname}`;
}

/** The vendor's provider, pointed at the hostile vendor server with the canary key. */
export function hostileProvider(
  ready: Context,
  vendor: ConformanceVendor,
  settings: Partial<ProviderSettings> = {},
): CampaignProvider {
  return vendor.provider.create({
    apiKey: keyOf(vendor.id),
    baseURL: baseURLVia(ready, ready.vendorServer, vendor.id),
    maxRetries: 0,
    timeout: 5000,
    ...settings,
  });
}

/** The same provider against the sandbox itself: what the vendor really holds. */
export function honestProvider(ready: Context, vendor: ConformanceVendor): CampaignProvider {
  return vendor.provider.create({
    apiKey: keyOf(vendor.id),
    baseURL: ready.sandbox.vendors[vendor.id as SandboxVendor].baseURL,
  });
}

/** The call's rejection (fails the attack when the call succeeds). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded, but the attack should have made it fail");
}
