import type { Instrumentation } from "next";

// Runs once when a Next.js server starts (next dev, npm start, a Vercel function): a request id for every request
// the server receives, JSON logs for everything printed to the console in production, tracing when an OTLP
// endpoint is configured, then the outbox loop. A production server that cannot know its clients' addresses stops
// first (lib/client-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestIds } = await import("./lib/log/request-id");
  installRequestIds();
  const { env } = await import("./lib/env");
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { exitIfClientAddressesUnknown } = await import("./lib/client-address");
    exitIfClientAddressesUnknown(env.trustedProxyHops);
  }
  if (env.log.format === "json") {
    const { routeConsoleToLogger } = await import("./lib/log/console");
    routeConsoleToLogger();
  }
  if (env.tracing) {
    const { startTracing } = await import("./lib/telemetry/sdk");
    startTracing(env.tracing);
  }
  if (!env.outboxLoop) return;
  const { startOutboxLoop } = await import("./lib/outbox/loop");
  startOutboxLoop();
}

// Every error no code of ours caught, with the request id and the digest the error page shows as its reference.
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/log/request-error");
  await logRequestError(...args);
};
