import type { Clock } from "../clock.js";

/**
 * A clock that moves only when the test says so. `sleeping()` resolves once something waits on
 * it (the watcher finished a round), `advance(ms)` wakes every sleeper whose time has come.
 */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  sleeping(): Promise<void>;
}

export function manualClock(start = Date.parse("2026-12-02T12:00:00Z")): ManualClock {
  let now = start;
  let sleepers: { until: number; wake: () => void }[] = [];
  let waiters: (() => void)[] = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const sleeper = { until: now + Math.max(0, ms), wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener("abort", () => resolve(), { once: true });
        for (const waiter of waiters) waiter();
        waiters = [];
      });
    },
    advance(ms) {
      now += ms;
      const due = sleepers.filter((sleeper) => sleeper.until <= now);
      sleepers = sleepers.filter((sleeper) => sleeper.until > now);
      for (const sleeper of due) sleeper.wake();
    },
    sleeping() {
      if (sleepers.length > 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
