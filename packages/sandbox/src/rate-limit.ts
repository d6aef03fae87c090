/** A sliding window: at most `limit` requests per key within any `windowMs`. Refused ones do not count. */
export class SlidingWindowLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  #hits = new Map<string, number[]>();

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  allow(key: string, now: number): boolean {
    const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < this.#windowMs);
    const allowed = recent.length < this.#limit;
    if (allowed) recent.push(now);
    this.#hits.set(key, recent);
    return allowed;
  }

  reset(): void {
    this.#hits.clear();
  }
}
