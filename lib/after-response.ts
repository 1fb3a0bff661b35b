import "server-only";

import { after } from "next/server";

/**
 * Starts `work` once the response has gone: inside a request through Next.js's after() (a serverless function
 * stays alive for it), and the promise returned is already settled; outside one (a script, a test) at once, and
 * the promise returned is the work's, for a caller that wants to wait for it. `work` must not throw.
 */
export function afterResponse(work: () => Promise<unknown>): Promise<unknown> {
  try {
    after(work);
    return Promise.resolve();
  } catch {
    return work();
  }
}
