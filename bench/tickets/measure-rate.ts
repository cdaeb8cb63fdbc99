import { performance } from 'node:perf_hooks';

export interface RateMeasurement {
  completed: number;
  seconds: number;
  perSecond: number;
  /** Each run's duration in milliseconds, in completion order. */
  latenciesMs: number[];
}

/**
 * Runs `count` operations with at most `concurrency` in flight and measures the sustained rate. Every operation
 * must succeed: a failure aborts the measurement, since a rate of half-failed opens means nothing.
 */
export async function measureRate(
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<RateMeasurement> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      const begun = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { completed: latenciesMs.length, seconds, perSecond: latenciesMs.length / seconds, latenciesMs };
}

/** The nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
