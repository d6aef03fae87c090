import type { FieldSupport, OperationSupport } from "./capabilities.js";

const SYMBOLS = {
  unicode: { yes: "✓", no: "—", atLeast: "≥", atMost: "≤", range: "–" },
  ascii: { yes: "yes", no: "-", atLeast: ">=", atMost: "<=", range: "-" },
};

const WEEKLY = {
  any: "any weekly",
  "one-range-per-day": "weekly, 1 window/day",
  "same-every-day": "same window every day",
} as const;

/**
 * One capability as a short human text: `✓ 1–100 (inferred)`, `✓ daily or any weekly, ≤50
 * windows`, `—` when unsupported. The README's matrix and `campaignkit capabilities` print it.
 */
export function describeSupport(
  support: OperationSupport | FieldSupport,
  style: "unicode" | "ascii" = "unicode",
): string {
  const s = SYMBOLS[style];
  if (!support.supported) return s.no;
  const bounds = describeBounds(support as FieldSupport, style);
  return [s.yes, bounds, support.evidence === "inferred" ? "(inferred)" : ""]
    .filter(Boolean)
    .join(" ");
}

/** A patch field's bounds alone: `1–100`, `≤255 chars`, `daily or any weekly, ≤50 windows`. */
export function describeBounds(
  field: FieldSupport,
  style: "unicode" | "ascii" = "unicode",
): string {
  const s = SYMBOLS[style];
  const parts: string[] = [];
  if (field.min !== undefined && field.max !== undefined)
    parts.push(`${field.min}${s.range}${field.max}`);
  else if (field.min !== undefined) parts.push(`${s.atLeast}${field.min}`);
  else if (field.max !== undefined) parts.push(`${s.atMost}${field.max}`);
  if (field.minLength !== undefined) parts.push(`${s.atLeast}${field.minLength} chars`);
  if (field.maxLength !== undefined) parts.push(`${s.atMost}${field.maxLength} chars`);
  if (field.allowsMax) parts.push(`or "max"`);
  const hours = field.callingHours;
  if (hours) {
    parts.push(hours.daily ? `daily or ${WEEKLY[hours.weekly]}` : WEEKLY[hours.weekly]);
    if (hours.maxRanges !== undefined) parts.push(`${s.atMost}${hours.maxRanges} windows`);
  }
  if (field.requires?.length) parts.push(`with ${field.requires.join(", ")}`);
  return parts.join(", ");
}
