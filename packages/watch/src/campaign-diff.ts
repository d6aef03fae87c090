import { createHash } from "node:crypto";
import type { Campaign } from "@campaignkit/core";
import type { FieldChange } from "./events.js";

/**
 * Fields that are not compared: `raw` is the vendor payload behind the normalized fields, and
 * `stats` move with every call a running campaign makes (they ride along in `campaign`).
 */
const IGNORED = new Set(["raw", "stats", "vendor", "id"]);
/** Compared whole: a change of calling hours is one change, not one per weekday window. */
const WHOLE = new Set(["schedule.callingHours", "statusReason"]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** JSON with object keys sorted, so equal values give equal text (and equal hashes). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The normalized fields that are watched, as dotted paths to leaf values. */
export function watchedFields(campaign: Campaign): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const walk = (value: object, prefix: string) => {
    for (const [key, child] of Object.entries(value) as [string, unknown][]) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (child === undefined || (!prefix && IGNORED.has(key))) continue;
      if (isPlainObject(child) && !WHOLE.has(path)) walk(child, path);
      else fields.set(path, child);
    }
  };
  walk(campaign, "");
  return fields;
}

/**
 * A fingerprint of the watched fields: equal fingerprints, nothing to report. It hashes the
 * campaign's own text without the ignored fields, not the field list `diffCampaigns` walks:
 * every listed campaign is fingerprinted each round, and this allocates a fraction of that.
 */
export function fingerprint(campaign: Campaign): string {
  const watched: Record<string, unknown> = {};
  for (const key of Object.keys(campaign) as (keyof Campaign)[])
    if (!IGNORED.has(key)) watched[key] = campaign[key];
  return sha256(stableJson(watched));
}

/** Every watched field that differs, in a stable order. */
export function diffCampaigns(before: Campaign, after: Campaign): FieldChange[] {
  const old = watchedFields(before);
  const now = watchedFields(after);
  const paths = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const field of paths) {
    const a = old.get(field);
    const b = now.get(field);
    if (stableJson(a) === stableJson(b)) continue;
    changes.push({
      field,
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
    });
  }
  return changes;
}
