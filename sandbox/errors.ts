/** Cashfree's error envelope `{message, code, type}` with its HTTP status (https://www.cashfree.com/docs/api-reference/payments/latest/orders/create lists them). */
export class CfError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }

  body() {
    return { message: this.message, code: this.code, type: this.type };
  }
}

export const invalid = (field: string, problem: string, value: unknown, code = `${field}_invalid`) =>
  new CfError(400, code, "invalid_request_error", `${field} : ${problem}. Value received: ${value ?? ""}`);

export const missing = (field: string) =>
  new CfError(
    400,
    `${field}_missing`,
    "invalid_request_error",
    `${field} : is missing in the request. Value received: `,
  );

export const authFailed = () => new CfError(401, "request_failed", "authentication_error", "authentication Failed");
export const orderNotFound = () =>
  new CfError(404, "order_not_found", "invalid_request_error", "Order Reference Id does not exist");
export const paymentNotFound = () =>
  new CfError(404, "payment_not_found", "invalid_request_error", "transaction not found");
export const sessionInvalid = () =>
  new CfError(400, "payment_session_id_invalid", "request_failed", "payment_session_id is not present or is invalid");
export const internalError = () => new CfError(500, "internal_error", "api_error", "internal Server Error");
export const rateLimited = () =>
  new CfError(429, "request_failed", "rate_limit_error", "Too many requests from IP. Check headers");
export const badUrl = () =>
  new CfError(404, "request_failed", "invalid_request_error", "bad URL, please check API documentation");
