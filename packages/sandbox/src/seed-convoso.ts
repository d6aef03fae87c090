/**
 * The campaigns the Convoso simulator starts with: built from the documented response examples
 * of its spec, with the docs' placeholders replaced by plausible values of the same type, plus
 * `extra` generated campaigns whose ids follow on.
 */
import { pick } from "./seed-values.js";
import type { JsonObject } from "./spec/load-spec.js";

const CONVOSO_NAMES = ["Inbound Callback", "Lead Nurture", "Win-back"];

export function seedConvoso(extra: number): JsonObject[] {
  const lastCall = (date: string) => ({ date, timezone_type: 3, timezone: "America/Denver" });
  // The documented search example, verbatim.
  const seeded: JsonObject[] = [
    { id: "111", name: "Sales Campaign", status: "Y", last_call_date: lastCall("2026-03-03") },
    { id: "222", name: "Customer Service", status: "N", last_call_date: lastCall("2026-03-02") },
    { id: "333", name: "Retention Campaign", status: "Y", last_call_date: lastCall("2026-03-03") },
  ];
  for (let i = 1; i <= extra; i++) {
    seeded.push({
      id: String(333 + i),
      name: `${pick(CONVOSO_NAMES, i)} ${i}`,
      status: i % 2 === 0 ? "N" : "Y",
      last_call_date: lastCall("2026-03-01"),
    });
  }
  return seeded;
}
