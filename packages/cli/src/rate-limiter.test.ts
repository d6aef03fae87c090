import { describe, expect, it } from "vitest";
import { UsageError } from "./exit-codes.js";
import { parseRates } from "./rate-limiter.js";

describe("parseRates", () => {
  it("leaves vendors without a flag to core's documented defaults", () => {
    expect(parseRates([])).toEqual({});
  });

  it("turns --rate flags into rate limits, 0 or none into no limit", () => {
    expect(parseRates(["altur=5", "voxo=2.5", "velip=none"])).toEqual({
      altur: { requests: 5, perMilliseconds: 1000 },
      voxo: { requests: 1, perMilliseconds: 400 },
      velip: false,
    });
  });

  it("refuses an unknown vendor or a bad rate with a usage error", () => {
    expect(() => parseRates(["acme=1"])).toThrow(UsageError);
    expect(() => parseRates(["altur=fast"])).toThrow(UsageError);
    expect(() => parseRates(["altur"])).toThrow(UsageError);
  });
});
