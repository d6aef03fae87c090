import { SIMULATIONS } from "./generated/simulators.js";
import type { SandboxVendor } from "./sandbox-types.js";
import type { VendorAction } from "./simulator.js";
import type { JsonObject } from "./spec/load-spec.js";

export type { VendorAction } from "./simulator.js";

/** Every vendor-initiated action the sandbox can play, by vendor and name (each simulator's own). */
export const VENDOR_ACTIONS: Readonly<
  Record<SandboxVendor, Readonly<Record<string, VendorAction>>>
> = Object.fromEntries(
  SIMULATIONS.map((simulation) => [simulation.vendor, simulation.actions ?? {}]),
) as Record<SandboxVendor, Readonly<Record<string, VendorAction>>>;

export type VendorActionName = string;

/** Plays `action` on a live wire campaign; refuses what the vendor would not do. */
export function playAction(
  vendor: SandboxVendor,
  campaign: JsonObject | undefined,
  id: string,
  action: string,
  now = new Date(),
): void {
  const actions = VENDOR_ACTIONS[vendor];
  const rule = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!rule) {
    const known = Object.keys(actions);
    throw new RangeError(
      `${vendor} has no vendor-initiated action "${action}"${known.length ? ` (it has ${known.join(", ")})` : " (its docs describe none)"}`,
    );
  }
  if (!campaign) throw new RangeError(`${vendor} has no campaign ${id}`);
  if (!rule.from(campaign))
    throw new RangeError(`${vendor} campaign ${id} is not in a state where ${action} happens`);
  rule.apply(campaign, now);
}

/** The actions `campaignkit sandbox --live` avoids most of the time: after them nothing moves. */
export const TERMINAL_ACTIONS: ReadonlySet<string> = new Set(
  Object.entries(VENDOR_ACTIONS).flatMap(([vendor, actions]) =>
    Object.entries(actions)
      .filter(([, action]) => action.terminal === true)
      .map(([name]) => `${vendor}.${name}`),
  ),
);
