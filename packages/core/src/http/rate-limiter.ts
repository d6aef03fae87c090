/** A documented request rate: at most `requests` in any window of `perMilliseconds`. */
export interface RateLimit {
  requests: number;
  perMilliseconds: number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A sliding-window limiter. A request holds its slot while in flight and, once answered, for a
 * window measured from its answer: the vendor received it no later than that, so the vendor's
 * own window (measured on arrival) can never see more than `requests` in one window.
 */
export class RateLimiter {
  readonly #limit: RateLimit;
  /** The requests in the window, by answer time; `Infinity` while one is in flight. */
  readonly #slots = new Set<{ answeredAt: number }>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  #waiting = 0;

  /** Waits (first come, first served) for a free slot; call the returned function on the answer. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    this.#waiting += 1;
    const turn = this.#queue.then(() => this.#takeSlot(signal));
    this.#queue = turn.catch(() => undefined);
    const slot = await turn.finally(() => {
      this.#waiting -= 1;
    });
    return () => {
      if (slot.answeredAt === Number.POSITIVE_INFINITY) slot.answeredAt = Date.now();
    };
  }

  /** Nobody waiting, nothing in flight, no answer within the last window: forgetting it changes nothing. */
  isIdle(now = Date.now()): boolean {
    if (this.#waiting > 0) return false;
    for (const slot of this.#slots) {
      if (slot.answeredAt + this.#limit.perMilliseconds > now) return false;
    }
    return true;
  }

  async #takeSlot(signal: AbortSignal | undefined): Promise<{ answeredAt: number }> {
    const window = this.#limit.perMilliseconds;
    for (;;) {
      const now = Date.now();
      for (const slot of this.#slots) if (slot.answeredAt + window <= now) this.#slots.delete(slot);
      if (this.#slots.size < this.#limit.requests) {
        const slot = { answeredAt: Number.POSITIVE_INFINITY };
        this.#slots.add(slot);
        return slot;
      }
      const earliest = Math.min(...[...this.#slots].map((slot) => slot.answeredAt));
      // Every slot in flight: look again shortly, once one has been answered.
      await sleep(Number.isFinite(earliest) ? Math.max(earliest + window - now, 1) : 5, signal);
    }
  }
}

const limiters = new Map<string, RateLimiter>();

/** FNV-1a: limiters are shared per credential without keeping the credential as a map key. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** How many limiters are kept (for tests: the table must not grow with every key ever used). */
export function limiterCount(): number {
  return limiters.size;
}

/**
 * The one limiter of a vendor credential, shared by every client built with it. Each new entry
 * first drops the idle ones: an idle limiter holds no state a fresh one would not.
 */
export function limiterFor(vendor: string, apiKey: string, limit: RateLimit): RateLimiter {
  const key = `${vendor}:${fingerprint(apiKey)}:${limit.requests}/${limit.perMilliseconds}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    const now = Date.now();
    for (const [known, entry] of limiters) if (entry.isIdle(now)) limiters.delete(known);
    limiter = new RateLimiter(limit);
    limiters.set(key, limiter);
  }
  return limiter;
}
