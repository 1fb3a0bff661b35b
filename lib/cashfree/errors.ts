/** Cashfree answered with an error body `{message, code, type}`. */
export class CashfreeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly type: string,
    message: string,
    readonly requestId: string,
  ) {
    super(`Cashfree ${status} ${code}: ${message}`);
    this.name = "CashfreeApiError";
  }

  get isAuthentication() {
    return this.status === 401;
  }

  get isRetryable() {
    return this.status === 429 || this.status >= 500;
  }
}

/** Cashfree could not be reached or did not answer in time (after retries). */
export class CashfreeNetworkError extends Error {
  constructor(
    message: string,
    readonly requestId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CashfreeNetworkError";
  }
}

/** Cashfree answered 2xx with a body we do not understand. */
export class CashfreeResponseError extends Error {
  constructor(
    message: string,
    readonly requestId: string,
  ) {
    super(message);
    this.name = "CashfreeResponseError";
  }
}

/**
 * Why payments cannot start: the connection is broken or unlinked (the owner reconnects), or this instance's
 * token keys cannot open the stored tokens (a configuration error: the row is left as it is, so putting the
 * right key back resumes payments).
 */
export type PauseStatus = "broken" | "unlinked" | "token_keys";

/**
 * The shop is in OAuth mode but its Cashfree connection is broken or unlinked, or this instance's token keys
 * cannot open the stored tokens: nothing can be sent.
 */
export class CashfreePausedError extends Error {
  constructor(readonly status: PauseStatus) {
    super(
      status === "token_keys"
        ? "Cashfree tokens cannot be opened with this server's CASHFREE_TOKEN_ENCRYPTION_KEYS: payments are paused until the keys are fixed"
        : `Cashfree account connection is ${status}: payments are paused until the owner reconnects`,
    );
    this.name = "CashfreePausedError";
  }
}

export type CashfreeError = CashfreeApiError | CashfreeNetworkError | CashfreeResponseError | CashfreePausedError;

export function isCashfreeError(error: unknown): error is CashfreeError {
  return (
    error instanceof CashfreeApiError ||
    error instanceof CashfreeNetworkError ||
    error instanceof CashfreeResponseError ||
    error instanceof CashfreePausedError
  );
}
