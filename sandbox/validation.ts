import { CfError, invalid, missing } from "./errors";
import { paiseFromAmount } from "./money";
import type { Customer } from "./store";

const ORDER_ID = /^[A-Za-z0-9_-]{3,45}$/;
const CURRENCIES = new Set(["INR", "USD", "EUR", "GBP", "AED", "SGD"]);

export interface ValidOrderRequest {
  orderId: string | null;
  amountPaise: number;
  currency: string;
  customer: Customer;
  returnUrl: string | null;
  notifyUrl: string | null;
  paymentMethods: string | null;
  expiryMs: number | null;
  note: string | null;
  tags: Record<string, string> | null;
}

const text = (value: unknown) =>
  typeof value === "string" ? value : value === undefined || value === null ? undefined : String(value);

function url(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  const raw = text(value)!;
  if (raw.length > 250) throw invalid(field, "url should be at most 250 characters", raw);
  try {
    new URL(raw.replace("{order_id}", "x"));
  } catch {
    throw invalid(field, "url is not valid", raw);
  }
  return raw;
}

/** Create Order validation with Cashfree's codes and messages (https://www.cashfree.com/docs/api-reference/payments/latest/orders/create). */
export function validateCreateOrder(body: Record<string, unknown>, nowMs: number): ValidOrderRequest {
  if (body.order_amount === undefined || body.order_amount === null || body.order_amount === "")
    throw missing("order_amount");
  if (!body.order_currency) throw missing("order_currency");
  const currency = text(body.order_currency)!;
  if (!CURRENCIES.has(currency)) throw invalid("order_currency", "is not valid or not enabled", currency);
  const amountPaise = typeof body.order_amount === "number" ? paiseFromAmount(body.order_amount) : null;
  if (amountPaise === null || amountPaise < 100)
    throw new CfError(400, "order_amount_invalid", "invalid_request_error", "order_amount : Invalid amount entered ");

  const orderId = body.order_id === undefined || body.order_id === null ? null : text(body.order_id)!;
  if (orderId !== null && !ORDER_ID.test(orderId))
    throw invalid("order_id", "should be 3 to 45 characters of alphanumeric, _ and -", orderId);

  const details = (body.customer_details ?? null) as Record<string, unknown> | null;
  if (!details || typeof details !== "object") throw missing("customer_details");
  const customerId = text(details.customer_id);
  if (!customerId) throw missing("customer_details.customer_id");
  if (customerId.length < 3 || customerId.length > 50)
    throw invalid("customer_details.customer_id", "should be 3 to 50 characters", customerId);
  const phone = text(details.customer_phone);
  if (!phone) throw missing("customer_details.customer_phone");
  if (!/^(\d{10}|\+\d{8,15})$/.test(phone))
    throw invalid("customer_details.customer_phone", "must contain a valid 10-digit Indian phone number", phone);
  const email = text(details.customer_email);
  if (email !== undefined && (email.length < 3 || email.length > 100 || !email.includes("@")))
    throw invalid("customer_details.customer_email", "is not a valid email", email);

  const meta = (body.order_meta ?? {}) as Record<string, unknown>;
  const expiry = text(body.order_expiry_time);
  let expiryMs: number | null = null;
  if (expiry !== undefined) {
    expiryMs = Date.parse(expiry);
    const fromNow = expiryMs - nowMs;
    if (Number.isNaN(expiryMs) || fromNow <= 15 * 60_000 || fromNow >= 30 * 86_400_000) {
      throw new CfError(
        400,
        "order_expiry_time_invalid",
        "invalid_request_error",
        "order_expiry_time : Expiry time should be more than 15 min and less than 30 days",
      );
    }
  }

  const tags = body.order_tags as Record<string, unknown> | undefined;
  if (tags !== undefined && tags !== null) {
    if (typeof tags !== "object" || Object.keys(tags).length > 15)
      throw invalid("order_tags", "should be an object of at most 15 tags", JSON.stringify(tags));
    for (const [key, value] of Object.entries(tags)) {
      if (typeof value !== "string" || value.length < 1 || value.length > 255)
        throw invalid(`order_tags.${key}`, "should be 1 to 255 characters", value);
    }
  }
  const note = text(body.order_note);
  if (note !== undefined && (note.length < 3 || note.length > 200))
    throw invalid("order_note", "should be 3 to 200 characters", note);

  return {
    orderId,
    amountPaise,
    currency,
    customer: {
      customer_id: customerId,
      customer_phone: phone,
      customer_email: email ?? null,
      customer_name: text(details.customer_name) ?? null,
    },
    returnUrl: url("order_meta.return_url", meta.return_url),
    notifyUrl: url("order_meta.notify_url", meta.notify_url),
    paymentMethods: text(meta.payment_methods) ?? null,
    expiryMs,
    note: note ?? null,
    tags: (tags as Record<string, string> | undefined) ?? null,
  };
}
