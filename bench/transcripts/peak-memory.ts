/**
 * Memory one piece of work uses in this process: the V8 heap (plus external memory such as Buffers) in
 * use just before and just after each garbage collection during the work, and at its end, above what was
 * in use after a full collection just before it. V8's GCProfiler reports those figures for every
 * collection, so they are seen even while synchronous code keeps the main thread busy. Both count the
 * work's result.
 */
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full collection, so a measurement starts from live data only. */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface MemoryUse<T> {
  result: T;
  /** Most memory in use at any point, garbage not yet collected included (bounded by the young generation's size). */
  peakGrowthMb: number;
  /** Most memory still in use right after a collection: what the work kept alive at once. */
  liveGrowthMb: number;
}

/** The V8 heap in use plus external memory (Buffers), garbage included unless collected just before. */
export function memoryInUse(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

export async function peakMemory<T>(work: () => Promise<T>): Promise<MemoryUse<T>> {
  collectGarbage();
  collectGarbage();
  const now = memoryInUse;
  const base = now();
  const profiler = new GCProfiler();
  profiler.start();
  const result = await work();
  const end = now();
  const { statistics } = profiler.stop();
  const inUse = (heap: { usedHeapSize: number; externalMemory: number }) => heap.usedHeapSize + heap.externalMemory;
  const peak = Math.max(end, ...statistics.map((gc) => inUse(gc.beforeGC.heapStatistics)));
  const live = Math.max(end, ...statistics.map((gc) => inUse(gc.afterGC.heapStatistics)));
  const mb = (bytes: number) => Math.max(0, bytes - base) / 1024 / 1024;
  return { result, peakGrowthMb: mb(peak), liveGrowthMb: mb(live) };
}
