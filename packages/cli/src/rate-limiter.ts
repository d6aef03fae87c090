import type { RateLimit } from "@campaignkit/core";
import { UsageError } from "./exit-codes.js";
import { isVendor, VENDORS, type VendorId } from "./vendor-loader.js";

/** A rate in requests per second as core's `rateLimit` (fractions become one request per interval). */
function toRateLimit(perSecond: number): RateLimit {
  return Number.isInteger(perSecond)
    ? { requests: perSecond, perMilliseconds: 1000 }
    : { requests: 1, perMilliseconds: Math.ceil(1000 / perSecond) };
}

/**
 * `--rate vendor=N` flags as providers' `rateLimit` settings: a number of requests per second,
 * or `false` for `0` / `none`. A vendor without a flag keeps core's default: its documented limit
 * (Altur: 12 per second), enforced per credential on every request, retries included.
 */
export function parseRates(flags: readonly string[]): Partial<Record<VendorId, RateLimit | false>> {
  const rates: Partial<Record<VendorId, RateLimit | false>> = {};
  for (const flag of flags) {
    const [vendor, value, ...rest] = flag.split("=");
    if (!isVendor(vendor) || value === undefined || rest.length > 0) {
      throw new UsageError(
        `--rate ${flag}: expected vendor=requests-per-second, vendor one of ${VENDORS.join(", ")}`,
      );
    }
    const trimmed = value.trim();
    if (trimmed === "none" || trimmed === "0") {
      rates[vendor] = false;
      continue;
    }
    const perSecond = Number(trimmed);
    if (!/^\d+(\.\d+)?$/.test(trimmed) || !(perSecond > 0)) {
      throw new UsageError(`--rate ${flag}: the rate must be a positive number (or 0 / none)`);
    }
    rates[vendor] = toRateLimit(perSecond);
  }
  return rates;
}
