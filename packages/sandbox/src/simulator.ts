import type { Problem } from "./request-problems.js";
import type { SandboxVendor } from "./sandbox-types.js";
import type { Json, JsonObject } from "./spec/load-spec.js";
import type { VelipLockoutState } from "./velip-lockout.js";

/** One answer of a simulator, before any fault mangles it. */
export interface Answer {
  status: number;
  /** Sent as JSON. Absent: no body. */
  body?: Json;
  headers?: Record<string, string>;
}

/** A request that matched a spec operation, parsed and typed by the spec. */
export interface SimRequest {
  operationId: string;
  path: Record<string, string>;
  query: JsonObject;
  body: JsonObject | undefined;
}

/** What a request presented as its credential, for a simulator that answers by who is asking. */
export interface AuthAttempt {
  headers: Headers;
  /** The request body, parsed as its spec says. */
  body: JsonObject | undefined;
  /** The credential this simulator accepts. */
  accepted: string;
}

/** Something a vendor does to a campaign on its own, as its docs describe it. */
export interface VendorAction {
  /** What happens to the wire campaign. */
  description: string;
  /** Where the behaviour comes from (vendor-notes, seed, or a sandbox choice where the docs are silent). */
  source: string;
  /** It ends the campaign for good: `campaignkit sandbox --live` plays it only now and then. */
  terminal?: boolean;
  /** The wire states it starts from; any other is refused (`RangeError`). */
  from: (campaign: JsonObject) => boolean;
  /** Changes the live wire campaign as the vendor would, at `now`. */
  apply(campaign: JsonObject, now: Date): void;
}

/** What the sandbox knows of one simulated vendor: each `simulate-<vendor>.ts` exports one. */
export interface Simulation<Vendor extends string = string> {
  readonly vendor: Vendor;
  /** The credential it accepts unless the sandbox is given another. */
  readonly apiKey: string;
  /** The provider settings its seeded campaigns need (VOXO: the tenant they belong to). */
  readonly settings?: Readonly<Record<string, number | string>>;
  /** The seeded campaigns: the spec's examples first, then `extra` generated ones. */
  seed(extra: number): readonly unknown[];
  create(extra: number): VendorSimulator;
  /** What the vendor does on its own, by name (`sandbox.act`); none when its docs describe none. */
  readonly actions?: Readonly<Record<string, VendorAction>>;
}

export function defineSimulation<const Vendor extends string>(
  simulation: Simulation<Vendor>,
): Simulation<Vendor> {
  return simulation;
}

/** One stateful vendor: its campaigns, and how it answers each stage of a request. */
export interface VendorSimulator {
  readonly vendor: SandboxVendor;
  /** Documented request limit; the router enforces it when `enforceRateLimits` is on. */
  readonly rateLimit?: { perSecond: number; answer(): Answer };
  /**
   * The answer to the credential check: `ok` says whether the request carried the sandbox key
   * where the vendor documents it. Undefined lets the request through.
   */
  authenticate(ok: boolean, now: number, attempt: AuthAttempt): Answer | undefined;
  /** The vendor's answer to a request its spec refuses. */
  invalid(request: SimRequest, problems: readonly Problem[]): Answer;
  /** No operation of the spec has this path (`allowed`: methods that do). */
  noRoute(allowed: readonly string[]): Answer;
  /** The default body of an injected `status` fault, in the vendor's error shape. */
  faultBody(status: number): Json;
  handle(request: SimRequest): Answer;
  /** The campaigns as the vendor sends them. */
  campaigns(): Json[];
  /** Where the vendor's auth lockout rules stand at `now` (Velip only). */
  lockout?(now: number): VelipLockoutState;
  /** The live wire campaign (not a copy), for the vendor's own actions (`sandbox.act`). */
  record?(id: string): JsonObject | undefined;
  reset(): void;
}

export const json = (status: number, body: Json, headers?: Record<string, string>): Answer =>
  headers ? { status, body, headers } : { status, body };

export const clone = <T>(value: T): T => structuredClone(value);

/** Campaigns by id, in a stable order, rebuilt from the seed on reset. */
export class CampaignStore<T> {
  readonly #seed: () => T[];
  readonly #idOf: (campaign: T) => string;
  #byId = new Map<string, T>();

  constructor(seed: () => T[], idOf: (campaign: T) => string) {
    this.#seed = seed;
    this.#idOf = idOf;
    this.reset();
  }

  reset(): void {
    this.#byId = new Map(this.#seed().map((campaign) => [this.#idOf(campaign), campaign]));
  }

  get(id: string | number | undefined): T | undefined {
    return id === undefined ? undefined : this.#byId.get(String(id));
  }

  all(): T[] {
    return [...this.#byId.values()];
  }
}

export const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** `HH:MM` or `HH:MM:SS` as minutes since midnight, or undefined. */
export function minutesOf(time: unknown): number | undefined {
  if (typeof time !== "string") return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function isIanaZone(zone: unknown): boolean {
  if (typeof zone !== "string" || zone === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
