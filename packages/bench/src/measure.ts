/** One measured case: the median of several timed samples, each a batch of operations. */
export interface Measurement {
  name: string;
  /** Median time of one operation, in milliseconds. */
  medianMs: number;
  /** Operations per second at the median. */
  opsPerSecond: number;
  samples: number;
  operationsPerSample: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs `operation` `warmup` times, then `samples` batches of `perSample` operations (in sequence,
 * or `concurrency` at a time), and reports the median batch as time per operation.
 */
export async function measure(
  name: string,
  operation: () => unknown,
  { warmup = 50, samples = 15, perSample = 50, concurrency = 1 } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await operation();
  const perOperation: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let done = 0; done < perSample; done += concurrency) {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, perSample - done) }, () => operation()),
      );
    }
    perOperation.push((performance.now() - start) / perSample);
  }
  const medianMs = median(perOperation);
  return { name, medianMs, opsPerSecond: 1000 / medianMs, samples, operationsPerSample: perSample };
}
