// Runs once when a Next.js server starts (next dev, next start, a Vercel function): starts the outbox loop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env.outboxLoop) return;
  const { startOutboxLoop } = await import("./lib/outbox/loop");
  startOutboxLoop();
}
