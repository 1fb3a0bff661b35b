export function percentile(sortedMs: number[], p: number) {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

/** Runs `total` calls of `task` with `concurrency` in flight; returns per-call latencies (ms) and wall time. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    wallMs,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: (total / wallMs) * 1000,
  };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
