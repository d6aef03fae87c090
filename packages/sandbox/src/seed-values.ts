/** What the seeds of several simulators share: cycling through a list of sample values. */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}
