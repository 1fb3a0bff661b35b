/** The sandbox's clock: real time plus an offset that tests can advance (expiry, refund settlement). */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(ms: number) {
    this.offsetMs += ms;
  }

  reset() {
    this.offsetMs = 0;
  }
}

/** ISO-8601 in IST (+05:30) without fractional seconds, as Cashfree writes timestamps. */
export function istTimestamp(ms: number): string {
  const ist = new Date(ms + 330 * 60_000);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}
