import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { limiterFor, RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets `requests` through a window and holds the next until the earliest answer is a window old", async () => {
    const limiter = new RateLimiter({ requests: 12, perMilliseconds: 1000 });
    const releases = await Promise.all(Array.from({ length: 12 }, () => limiter.acquire()));
    for (const release of releases) release();
    let thirteenth = false;
    const pending = limiter.acquire().then((release) => {
      thirteenth = true;
      return release;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(thirteenth).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(thirteenth).toBe(true);
    (await pending)();
  });

  it("counts a request in flight until it is answered", async () => {
    const limiter = new RateLimiter({ requests: 1, perMilliseconds: 100 });
    const first = await limiter.acquire();
    let second = false;
    void limiter.acquire().then(() => {
      second = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(second).toBe(false);
    first();
    await vi.advanceTimersByTimeAsync(100);
    expect(second).toBe(true);
  });

  it("gives up waiting when the caller aborts", async () => {
    const limiter = new RateLimiter({ requests: 1, perMilliseconds: 1000 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal).then(
      () => "acquired",
      () => "aborted",
    );
    controller.abort();
    await vi.advanceTimersByTimeAsync(10);
    expect(await waiting).toBe("aborted");
  });
});

describe("limiterFor", () => {
  it("shares one limiter per vendor credential and keeps credentials apart", () => {
    const limit = { requests: 12, perMilliseconds: 1000 };
    expect(limiterFor("altur", "key-a", limit)).toBe(limiterFor("altur", "key-a", limit));
    expect(limiterFor("altur", "key-a", limit)).not.toBe(limiterFor("altur", "key-b", limit));
  });
});
