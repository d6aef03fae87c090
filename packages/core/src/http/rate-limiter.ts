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

  /** Waits (first come, first served) for a free slot; call the returned function on the answer. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    const turn = this.#queue.then(() => this.#takeSlot(signal));
    this.#queue = turn.catch(() => undefined);
    const slot = await turn;
    return () => {
      if (slot.answeredAt === Number.POSITIVE_INFINITY) slot.answeredAt = Date.now();
    };
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

/** The one limiter of a vendor credential, shared by every client built with it. */
export function limiterFor(vendor: string, apiKey: string, limit: RateLimit): RateLimiter {
  const key = `${vendor}:${fingerprint(apiKey)}:${limit.requests}/${limit.perMilliseconds}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(limit);
    limiters.set(key, limiter);
  }
  return limiter;
}
