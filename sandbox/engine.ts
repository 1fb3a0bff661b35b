import { SandboxClock } from "./clock";
import { FAILURE_TYPES } from "./defaults";
import { CfError, orderNotFound, paymentNotFound, sessionInvalid } from "./errors";
import {
  type SandboxOrder,
  type SandboxPayment,
  type SandboxRefund,
  type SandboxState,
  digits,
  paymentsOf,
  token,
} from "./store";
import type { ValidOrderRequest } from "./validation";
import { disputeWebhook, linkWebhook, paymentWebhook, refundWebhook } from "./webhook-payloads";
import type { WebhookSender } from "./webhooks";

export interface EngineOptions {
  baseUrl: () => string;
  defaultWebhookUrl: string | null;
  webhookVersion: string;
  refundSettleMs: number;
  /** Orders with no expiry get created + this (Cashfree's samples show about 30 days). */
  defaultExpiryMs: number;
}

export type FinalStatus = "SUCCESS" | "FAILED" | "PENDING" | "USER_DROPPED";

/** The sandbox's behaviour, independent of HTTP: orders, payments, refunds, links and the webhooks they cause. */
export class SandboxEngine {
  constructor(
    readonly state: SandboxState,
    readonly clock: SandboxClock,
    readonly sender: WebhookSender,
    readonly options: EngineOptions,
  ) {}

  // ---- orders

  createOrder(request: ValidOrderRequest, extra: Partial<SandboxOrder> = {}): SandboxOrder {
    const orderId = request.orderId ?? `order_${digits(4)}${token(20).replace(/[-_]/g, "x")}`;
    if (this.state.orders[orderId])
      throw new CfError(409, "order_already_exists", "invalid_request_error", "order with same id is already present");
    const now = this.clock.now();
    const order: SandboxOrder = {
      cfOrderId: digits(10),
      orderId,
      amountPaise: request.amountPaise,
      currency: request.currency,
      status: "ACTIVE",
      paymentSessionId: `session_${token(81)}`,
      createdMs: now,
      expiryMs: request.expiryMs ?? now + this.options.defaultExpiryMs,
      customer: request.customer,
      returnUrl: request.returnUrl,
      notifyUrl: request.notifyUrl,
      paymentMethods: request.paymentMethods,
      note: request.note,
      tags: request.tags,
      linkId: null,
      ...extra,
    };
    this.state.orders[orderId] = order;
    return order;
  }

  order(orderId: string): SandboxOrder {
    this.expireDue();
    const order = this.state.orders[orderId];
    if (!order) throw orderNotFound();
    return order;
  }

  orderBySession(sessionId: string): SandboxOrder {
    this.expireDue();
    const order = Object.values(this.state.orders).find((o) => o.paymentSessionId === sessionId);
    if (!order) throw sessionInvalid();
    return order;
  }

  terminate(orderId: string): SandboxOrder {
    const order = this.order(orderId);
    if (order.status === "ACTIVE") order.status = "TERMINATED";
    return order;
  }

  /** ACTIVE orders past their expiry become EXPIRED (lazily, whenever the sandbox looks). */
  expireDue() {
    const now = this.clock.now();
    for (const order of Object.values(this.state.orders)) {
      if (order.status === "ACTIVE" && order.expiryMs <= now) order.status = "EXPIRED";
    }
  }

  // ---- payments

  startPayment(
    order: SandboxOrder,
    method: { group: string; method: Record<string, unknown>; needsSimulator: boolean },
  ): SandboxPayment {
    if (order.status !== "ACTIVE")
      throw new CfError(
        404,
        "orderpay_not_found",
        "invalid_request_error",
        "The specified order is no longer active and cannot be used to initiate payment",
      );
    const payment: SandboxPayment = {
      cfPaymentId: digits(12),
      orderId: order.orderId,
      status: "NOT_ATTEMPTED",
      amountPaise: order.amountPaise,
      currency: order.currency,
      group: method.group,
      method: method.method,
      message: "Transaction pending",
      timeMs: this.clock.now(),
      completionMs: null,
      bankReference: null,
      error: null,
      needsSimulator: method.needsSimulator,
    };
    this.state.payments[payment.cfPaymentId] = payment;
    return payment;
  }

  payment(orderId: string, cfPaymentId: string): SandboxPayment {
    this.order(orderId);
    const payment = this.state.payments[cfPaymentId];
    if (!payment || payment.orderId !== orderId) throw paymentNotFound();
    return payment;
  }

  payments(orderId: string) {
    this.order(orderId);
    return paymentsOf(this.state, orderId);
  }

  /** Moves an attempt to its outcome; SUCCESS pays the order. Emits the webhook the outcome deserves. */
  completePayment(cfPaymentId: string, status: FinalStatus, errorCode?: string | null): SandboxPayment {
    const payment = this.state.payments[cfPaymentId];
    if (!payment) throw paymentNotFound();
    if (payment.status === "SUCCESS" || payment.status === "FAILED" || payment.status === "USER_DROPPED")
      return payment;
    const order = this.state.orders[payment.orderId]!;
    const now = this.clock.now();
    payment.status = status;
    if (status === "PENDING") {
      payment.message = "Transaction pending with the bank";
      return payment;
    }
    payment.completionMs = now;
    if (status === "SUCCESS") {
      payment.message = "00::Transaction success";
      payment.bankReference = digits(12);
      const alreadyPaid = order.status === "PAID";
      // An attempt started before expiry may still succeed after it (https://www.cashfree.com/docs/payments/online/resources/payment-lifecycle).
      order.status = "PAID";
      this.emitPayment(order, payment);
      if (alreadyPaid) this.autoRefund(order, payment);
      if (order.linkId) this.linkPaid(order, payment);
    } else if (status === "FAILED") {
      const failure = FAILURE_TYPES.find((f) => f.code === errorCode) ?? FAILURE_TYPES[0];
      payment.error = {
        error_code: failure.code,
        error_description: failure.description,
        error_reason: failure.reason,
        error_source: "customer",
      };
      payment.message = failure.description;
      this.emitPayment(order, payment);
    } else {
      payment.message = "User dropped and did not complete the two factor authentication";
      this.emitPayment(order, payment);
    }
    return payment;
  }

  /** The shopper closed the checkout: any attempt still open is recorded as USER_DROPPED. */
  dropOpenAttempts(order: SandboxOrder) {
    for (const payment of paymentsOf(this.state, order.orderId)) {
      if (payment.status === "NOT_ATTEMPTED" || payment.status === "PENDING")
        this.completePayment(payment.cfPaymentId, "USER_DROPPED");
    }
  }

  // ---- refunds

  createRefund(order: SandboxOrder, refundId: string, amountPaise: number, note: string | null): SandboxRefund {
    const success = paymentsOf(this.state, order.orderId).find((p) => p.status === "SUCCESS");
    if (order.status !== "PAID" || !success)
      throw new CfError(
        400,
        "refund_invalid",
        "invalid_request_error",
        `refund can be initiated only for paid orders. current order status: ${order.status}`,
      );
    const refunded = Object.values(this.state.refunds)
      .filter((r) => r.orderId === order.orderId && r.status !== "CANCELLED" && r.type === "MERCHANT_INITIATED")
      .reduce((n, r) => n + r.amountPaise, 0);
    if (amountPaise > order.amountPaise - refunded)
      throw new CfError(
        400,
        "refund_amount_invalid",
        "invalid_request_error",
        "refund_amount : should be lesser than or equal to the amount that can be refunded",
      );
    return this.addRefund({ order, payment: success, refundId, amountPaise, note, type: "MERCHANT_INITIATED" });
  }

  private addRefund(input: {
    order: SandboxOrder;
    payment: SandboxPayment;
    refundId: string;
    amountPaise: number;
    note: string | null;
    type: SandboxRefund["type"];
  }): SandboxRefund {
    const now = this.clock.now();
    const refund: SandboxRefund = {
      cfRefundId: digits(8),
      refundId: input.refundId,
      orderId: input.order.orderId,
      cfPaymentId: input.payment.cfPaymentId,
      amountPaise: input.amountPaise,
      currency: input.order.currency,
      status: "PENDING",
      note: input.note,
      type: input.type,
      createdMs: now,
      processedMs: null,
      settlesAtMs: now + this.options.refundSettleMs,
    };
    this.state.refunds[`${input.order.orderId}/${input.refundId}`] = refund;
    return refund;
  }

  private autoRefund(order: SandboxOrder, payment: SandboxPayment) {
    this.addRefund({
      order,
      payment,
      refundId: `auto_${payment.cfPaymentId}`,
      amountPaise: payment.amountPaise,
      note: "Multiple payments were performed against same order.",
      type: "PAYMENT_AUTO_REFUND",
    });
  }

  /** PENDING refunds whose delay has passed become SUCCESS, each with its webhook. */
  settleRefunds() {
    const now = this.clock.now();
    for (const refund of Object.values(this.state.refunds)) {
      if (refund.status !== "PENDING" || refund.settlesAtMs > now) continue;
      refund.status = "SUCCESS";
      refund.processedMs = now;
      this.emitRefund(refund);
    }
  }

  emitRefund(refund: SandboxRefund) {
    const order = this.state.orders[refund.orderId]!;
    const { type, body } = refundWebhook(refund, this.clock.now());
    return this.deliver(order.notifyUrl, type, body);
  }

  // ---- links

  private linkPaid(order: SandboxOrder, payment: SandboxPayment) {
    const link = Object.values(this.state.links).find((l) => l.linkId === order.linkId);
    if (!link) return;
    link.paidPaise += payment.amountPaise;
    link.status = link.paidPaise >= link.amountPaise ? "PAID" : "PARTIALLY_PAID";
    const { type, body } = linkWebhook(link, order, payment, this.options.baseUrl(), this.clock.now());
    this.deliver(link.notifyUrl, type, body);
  }

  // ---- webhooks

  emitPayment(order: SandboxOrder, payment: SandboxPayment) {
    const webhook = paymentWebhook(order, payment, this.clock.now(), this.options.webhookVersion);
    return webhook ? this.deliver(order.notifyUrl, webhook.type, webhook.body) : null;
  }

  emitDispute(order: SandboxOrder, type: "DISPUTE_CREATED" | "DISPUTE_UPDATED" | "DISPUTE_CLOSED") {
    const payment = paymentsOf(this.state, order.orderId).find((p) => p.status === "SUCCESS");
    if (!payment)
      throw new CfError(400, "dispute_invalid", "invalid_request_error", "disputes need a successful payment");
    const { body } = disputeWebhook(order, payment, type, `D${order.cfOrderId}`, this.clock.now());
    return this.deliver(order.notifyUrl, type, body);
  }

  deliver(url: string | null, type: string, body: string) {
    const target = url ?? this.options.defaultWebhookUrl;
    return target ? this.sender.send(target, type, body, this.options.webhookVersion) : null;
  }
}
