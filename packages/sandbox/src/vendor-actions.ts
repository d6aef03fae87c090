import type { SandboxVendor } from "./sandbox-types.js";
import type { JsonObject } from "./spec/load-spec.js";

/** Something a vendor does to a campaign on its own, as its docs describe it. */
export interface VendorAction {
  /** What happens to the wire campaign. */
  description: string;
  /** Where the behaviour comes from (vendor-notes, seed, or a sandbox choice where the docs are silent). */
  source: string;
  /** The wire states it starts from; any other is refused (`RangeError`). */
  from: (campaign: JsonObject) => boolean;
  /** Changes the live wire campaign as the vendor would, at `now`. */
  apply(campaign: JsonObject, now: Date): void;
}

const ACTIVE_KEY = "cp_active "; // Velip's key ends in a space

/** Every vendor-initiated action the sandbox can play, by vendor and name. */
export const VENDOR_ACTIONS: Readonly<
  Record<SandboxVendor, Readonly<Record<string, VendorAction>>>
> = {
  asisso: {
    autoPause: {
      description:
        'The circuit breaker trips: `state` running → paused, and a `logs[]` entry `{ts, level: "warning", event: "circuit_breaker_tripped", message, details: {}}` is appended.',
      source: "vendor-notes (Dograh, inferred); `level` and `message` values sandbox choice",
      from: (c) => c.state === "running",
      apply(c, now) {
        c.state = "paused";
        const logs = Array.isArray(c.logs) ? c.logs : [];
        logs.push({
          ts: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
          level: "warning",
          event: "circuit_breaker_tripped",
          message: "Circuit breaker tripped: failure rate above the threshold",
          details: {},
        });
        c.logs = logs;
      },
    },
    finish: {
      description: "Every contact is processed: `state` running → completed.",
      source: "vendor-notes (wire states, Dograh, inferred)",
      from: (c) => c.state === "running",
      apply(c) {
        c.state = "completed";
      },
    },
  },
  velip: {
    loadFailure: {
      description:
        'The destination load makes no progress for about 30 minutes: `"cp_active "` → `"0"` and `cp_status_txt` `"Falha na geração"`.',
      source:
        "vendor-notes (Update of 2026-12-01, GetCampaignsList); the text after the documented prefix is not documented, so the sandbox sends the prefix alone",
      from: (c) => c[ACTIVE_KEY] !== undefined,
      apply(c) {
        c[ACTIVE_KEY] = "0";
        c.cp_status_txt = "Falha na geração";
      },
    },
    loadDone: {
      description:
        'A destination load in progress completes: `cp_status_txt` `"Inseridos: N destinos (2s)"` (N: `cp_destinations`, else 0), and a campaign that was loading (`"2"`) is active (`"1"`).',
      source: 'vendor-notes (Update of 2026-12-01); `"2"` → `"1"` sandbox choice',
      // Only a load in progress completes: contacts still loading, or a `-Gerando` text.
      from: (c) =>
        c[ACTIVE_KEY] === "2" ||
        (typeof c.cp_status_txt === "string" && c.cp_status_txt.startsWith("-Gerando")),
      apply(c) {
        c.cp_status_txt = `Inseridos: ${Number(c.cp_destinations) || 0} destinos (2s)`;
        if (c[ACTIVE_KEY] === "2") c[ACTIVE_KEY] = "1";
      },
    },
  },
  altur: {
    finish: {
      description:
        "The campaign ends: `status` → finished (from pending, ready, active, inactive or cooldown).",
      source: "vendor-notes (statuses)",
      from: (c) => c.status !== "finished",
      apply(c) {
        c.status = "finished";
      },
    },
    cooldown: {
      description:
        "A cycle ends and the campaign waits for the next: `status` active → cooldown (cycles on).",
      source: "vendor-notes (statuses, cycles); the trigger is sandbox choice",
      from: (c) => c.status === "active" && (c.cycles as JsonObject | undefined)?.enabled === true,
      apply(c) {
        c.status = "cooldown";
      },
    },
    cycleStart: {
      description: "The next cycle begins: `status` cooldown → active.",
      source: "vendor-notes (statuses, cycles); the trigger is sandbox choice",
      from: (c) => c.status === "cooldown",
      apply(c) {
        c.status = "active";
      },
    },
  },
  convoso: {},
  voxo: {},
};

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
export const TERMINAL_ACTIONS = new Set(["asisso.finish", "velip.loadFailure", "altur.finish"]);
