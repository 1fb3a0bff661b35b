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

export type CashfreeError = CashfreeApiError | CashfreeNetworkError | CashfreeResponseError;

export function isCashfreeError(error: unknown): error is CashfreeError {
  return (
    error instanceof CashfreeApiError || error instanceof CashfreeNetworkError || error instanceof CashfreeResponseError
  );
}
