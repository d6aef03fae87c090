import { expect, vi } from "vitest";

/**
 * Runs `call` on vitest's fake timers and moves them to its deadline: the call must still be
 * pending 1 ms before `deadlineMs` and settled at it. Resolves with the call's rejection (or
 * value). No wall-clock wait: for calls whose fetch is in-process (no socket).
 */
export async function settledAtDeadline(
  call: () => Promise<unknown>,
  deadlineMs: number,
): Promise<unknown> {
  vi.useFakeTimers();
  try {
    let settled = false;
    const outcome = call().then(
      (value) => value,
      (error: unknown) => error,
    );
    void outcome.finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(deadlineMs - 1);
    expect(settled, `settled before its ${deadlineMs} ms deadline`).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled, `still pending at its ${deadlineMs} ms deadline`).toBe(true);
    return await outcome;
  } finally {
    vi.useRealTimers();
  }
}
