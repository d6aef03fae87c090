/**
 * The items `run` hands to `take` while it is in flight, as an async iteration: each item is
 * yielded as soon as it arrives, so a listing read element by element is never held whole.
 * `run`'s failure is thrown after the items that came before it; leaving the loop early aborts
 * `run` through the signal it is given (linked to `outer`).
 */
export async function* itemsWhile<T>(
  run: (take: (item: T) => void, signal: AbortSignal) => Promise<void>,
  outer?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  let queue: T[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;
  const running = run((item) => {
    queue.push(item);
    wake?.();
  }, signal).then(
    () => {
      finished = true;
      wake?.();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      wake?.();
    },
  );
  try {
    for (;;) {
      const ready = queue;
      queue = [];
      for (const item of ready) yield item;
      if (queue.length > 0) continue;
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    if (!finished) {
      controller.abort();
      await running;
    }
  }
  if (failure) throw failure.error;
}
