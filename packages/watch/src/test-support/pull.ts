import type { WatchEvent } from "../events.js";
import type { ManualClock } from "./manual-clock.js";

/**
 * Drives a watch with a manual clock: `next()` asks for an event, `round()` lets the next poll
 * round run (the watcher must be waiting), `take(n)` collects n events, running rounds as needed.
 */
export function driver(watch: AsyncIterable<WatchEvent>, clock: ManualClock, interval: number) {
  const iterator = watch[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<WatchEvent>> | undefined;
  const next = () => {
    pending ??= iterator.next();
    return pending;
  };
  /** Resolves with the event if one came before the watcher went back to sleep. */
  const settle = async (): Promise<WatchEvent | undefined> => {
    const result = await Promise.race([next(), clock.sleeping().then(() => "sleeping" as const)]);
    if (result === "sleeping") return undefined;
    pending = undefined;
    return result.done ? undefined : result.value;
  };
  return {
    iterator,
    /** One event, if one comes before the watcher waits again (later ones stay unacknowledged). */
    take: settle,
    /** Lets the next poll round run and collects its events. */
    async round(): Promise<WatchEvent[]> {
      clock.advance(interval);
      return this.drain();
    },
    /** Collects events until the watcher waits for its next round (starts it, the first time). */
    async drain(): Promise<WatchEvent[]> {
      const events: WatchEvent[] = [];
      for (let event = await settle(); event; event = await settle()) events.push(event);
      return events;
    },
  };
}
