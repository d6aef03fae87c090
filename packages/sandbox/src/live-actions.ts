import { SANDBOX_VENDORS, type Sandbox, type SandboxVendor } from "./sandbox-types.js";
import type { JsonObject } from "./spec/load-spec.js";
import { TERMINAL_ACTIONS, VENDOR_ACTIONS } from "./vendor-actions.js";

/** One action `startLiveActions` played: which vendor, which campaign, what it did. */
export interface LiveAction {
  vendor: SandboxVendor;
  id: string;
  action: string;
}

/** How `startLiveActions` plays the vendors' own actions. */
export interface LiveOptions {
  /** Milliseconds between two actions (default 5000). */
  every?: number;
  /** A number in [0, 1) (default Math.random): which campaign, which action. */
  random?: () => number;
  /** Called after each action played. */
  onAction?: (action: LiveAction) => void;
}

const ID_KEYS = ["id", "cp_id"];

function idOf(campaign: JsonObject): string {
  for (const key of ID_KEYS) if (campaign[key] !== undefined) return String(campaign[key]);
  return "";
}

/** Every (vendor, campaign, action) the sandbox could play now. */
export function possibleActions(sandbox: Sandbox): LiveAction[] {
  const possible: LiveAction[] = [];
  for (const vendor of SANDBOX_VENDORS) {
    for (const campaign of sandbox.campaigns(vendor) as JsonObject[]) {
      for (const [action, rule] of Object.entries(VENDOR_ACTIONS[vendor])) {
        if (rule.from(campaign)) possible.push({ vendor, id: idOf(campaign), action });
      }
    }
  }
  return possible;
}

/**
 * Makes the sandbox's vendors act on their own on a timer, for demos: every `every` ms one
 * possible action is played on one campaign (those that end a campaign for good one time in ten).
 * Returns `stop`.
 */
export function startLiveActions(sandbox: Sandbox, options: LiveOptions = {}): () => void {
  const every = options.every ?? 5000;
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError("every must be a whole number of ms above 0");
  const random = options.random ?? Math.random;
  const timer = setInterval(() => {
    const possible = possibleActions(sandbox);
    const lasting = possible.filter((p) => !TERMINAL_ACTIONS.has(`${p.vendor}.${p.action}`));
    const pool = lasting.length > 0 && random() >= 0.1 ? lasting : possible;
    const chosen = pool[Math.floor(random() * pool.length)];
    if (!chosen) return;
    sandbox.act(chosen.vendor, chosen.id, chosen.action);
    options.onAction?.(chosen);
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
