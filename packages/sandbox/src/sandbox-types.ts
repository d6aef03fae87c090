import { SIMULATIONS } from "./generated/simulators.js";
import type { VelipLockoutState } from "./velip-lockout.js";

/** The vendors the sandbox simulates: one per `simulate-<vendor>.ts` (generated list). */
export type SandboxVendor = (typeof SIMULATIONS)[number]["vendor"];
/** Every vendor the sandbox simulates, in vendor order. */
export const SANDBOX_VENDORS: readonly SandboxVendor[] = SIMULATIONS.map((s) => s.vendor);

/** The credential each simulator accepts; any other is refused as that vendor refuses it. */
export const SANDBOX_API_KEYS = Object.fromEntries(
  SIMULATIONS.map((simulation) => [simulation.vendor, simulation.apiKey]),
) as Readonly<Record<SandboxVendor, string>>;

export { SANDBOX_VOXO_TENANT_ID } from "./seed-voxo.js";

/**
 * One injected fault, applied to the next `times` requests (default 1) that reach the vendor,
 * in the order the faults were queued.
 */
export type Fault = { times?: number } & (
  | { kind: "latency"; ms: number }
  | { kind: "status"; status: number; retryAfterSeconds?: number; body?: string }
  | { kind: "reset" }
  | {
      kind: "malformed";
      body: "empty" | "html" | "truncated-json" | "wrong-content-type" | "huge" | "wrong-types";
    }
);

/**
 * What `startSandbox` starts: which simulators, on which port, with how many campaigns, which
 * limits and keys.
 */
export interface SandboxOptions {
  /** Which simulators to start (default: all). */
  vendors?: readonly SandboxVendor[];
  /** The port of the one HTTP server (default: a free one). */
  port?: number;
  /** Extra generated campaigns per vendor, on top of those built from the spec examples. */
  extraCampaigns?: number;
  /** Enforce Altur's documented 12 requests per second with 429 (default true). */
  enforceRateLimits?: boolean;
  /**
   * The sandbox's clock, in milliseconds, for its time windows (rate limits, Velip's lockouts):
   * pass a fake one so a test can move time on without waiting. Default: `performance.now`.
   */
  clock?: () => number;
  /** Credentials to accept instead of SANDBOX_API_KEYS (e.g. canary keys a test scans its output for). */
  apiKeys?: Partial<Record<SandboxVendor, string>>;
}

/** Where a client reaches one simulator: spread it into `create<Vendor>()`. */
export interface SandboxEndpoint {
  baseURL: string;
  apiKey: string;
  /** VOXO only: the tenant of the seeded campaigns, so `createVoxo(sandbox.vendors.voxo)` can list. */
  tenantId?: number;
}

/** One request a simulator received, as `Sandbox.requests` lists it. */
export interface SandboxRequestRecord {
  method: string;
  path: string;
  status: number;
  /** The fault applied, if any. */
  fault?: Fault["kind"];
  /** The spec operation the request matched, if any. */
  operationId?: string;
}

/** The running simulators, as `startSandbox` returns them: one HTTP server on 127.0.0.1. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  vendors: Readonly<Record<SandboxVendor, SandboxEndpoint>>;
  /** Queue faults for a vendor's next requests. */
  injectFaults(vendor: SandboxVendor, ...faults: Fault[]): void;
  /** Every request a vendor received, in order. */
  requests(vendor: SandboxVendor): readonly SandboxRequestRecord[];
  /**
   * Where the vendor's documented auth lockout rules stand now, on the sandbox's clock, read
   * only (for assertions such as "a wrong key never got the account locked"): Velip only, the one
   * vendor that documents lockouts; `undefined` for the others and for a vendor not started.
   */
  lockout(vendor: SandboxVendor): VelipLockoutState | undefined;
  /** The vendor's campaigns as its wire format, for assertions. */
  campaigns(vendor: SandboxVendor): readonly unknown[];
  /**
   * Makes the vendor act on its own (`"autoPause"`, `"loadFailure"`, `"finish"`, …; see
   * `VENDOR_ACTIONS`) and returns the campaign as its wire format carries it afterwards.
   * Throws `RangeError` for an action the vendor does not document or cannot take now.
   */
  act(vendor: SandboxVendor, id: string, action: string): unknown;
  /** Back to the seeded state: campaigns, request log, faults, rate-limit windows. */
  reset(): void;
  /** Stops the server; the sandbox cannot be used afterwards. */
  close(): Promise<void>;
}
