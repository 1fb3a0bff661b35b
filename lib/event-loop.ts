import { performance } from "node:perf_hooks";

/** Above this share of a sample spent running JavaScript, the server is busy answering requests. */
const BUSY_UTILIZATION = 0.5;

/**
 * Resolves once the event loop was not busy over one sample of `sampleMs`, or after `maxWaitMs` regardless: how
 * background work (e-mails, applying stored webhooks) yields to requests without ever waiting for ever.
 */
export async function whenEventLoopQuiet(options: { sampleMs: number; maxWaitMs: number }) {
  const started = Date.now();
  let previous = performance.eventLoopUtilization();
  while (Date.now() - started < options.maxWaitMs) {
    await new Promise((resolve) => setTimeout(resolve, options.sampleMs));
    const current = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(current, previous).utilization;
    previous = current;
    if (busy < BUSY_UTILIZATION) return;
  }
}
