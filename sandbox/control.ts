import type { ApiFaults } from "./api";
import { addDisputeControls } from "./disputes";
import type { FinalStatus, SandboxEngine } from "./engine";
import { CfError, invalid, missing } from "./errors";
import type { Reply } from "./http";
import { Router } from "./http";
import { processSettlement, settlementView, triggerSettlement } from "./settlements";
import { paymentsOf, type SandboxState, type SettlementStatus } from "./store";
import { noWebhookFaults, type WebhookFaults } from "./webhooks";

/**
 * The sandbox's private test controls under /_sandbox (off unless enabled), like the Stripe CLI's `trigger`:
 * reset, clock, faults for webhooks and the API, and events on demand. Tests that must also run against
 * Cashfree's real sandbox use POST /pg/simulate instead.
 */
export interface Controls {
  engine: SandboxEngine;
  apiFaults: ApiFaults;
  apiCalls: Map<string, number>;
  reset: () => void;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const STATUSES: FinalStatus[] = ["SUCCESS", "FAILED", "PENDING", "USER_DROPPED"];
const TRIGGERS = [
  "PAYMENT_SUCCESS_WEBHOOK",
  "PAYMENT_FAILED_WEBHOOK",
  "PAYMENT_USER_DROPPED_WEBHOOK",
  "REFUND_STATUS_WEBHOOK",
  "DISPUTE_CREATED",
  "DISPUTE_UPDATED",
  "DISPUTE_CLOSED",
] as const;

function numberField(body: Record<string, unknown>, name: string, fallback: number) {
  const value = body[name] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw invalid(name, "should be a non-negative integer", value);
  return value;
}

export function createControlRoutes({ engine, apiFaults, apiCalls, reset }: Controls) {
  const router = new Router();
  const sender = engine.sender;

  router.on("POST", "/_sandbox/reset", () => {
    reset();
    return ok({ reset: true });
  });

  router.on("GET", "/_sandbox/state", () => ok(summary(engine.state)));

  /** How many PG API requests arrived, by `METHOD /path` (`?path=` for one path's count by method). */
  router.on("GET", "/_sandbox/calls", (req) => {
    const path = req.query.get("path");
    const calls = Object.fromEntries([...apiCalls].filter(([key]) => !path || key.endsWith(` ${path}`)));
    return ok({ calls });
  });

  router.on("POST", "/_sandbox/clock/advance", (req) => {
    const ms = numberField(req.json(), "ms", 0);
    engine.clock.advance(ms);
    engine.expireDue();
    engine.settleRefunds();
    return ok({ now: new Date(engine.clock.now()).toISOString() });
  });

  /** What the merchant last told Cashfree about the order's shipment (Update Order Extended). */
  router.on("GET", "/_sandbox/orders/:id/shipment", (_req, [id]) =>
    ok(engine.order(id!).shipment ?? { shipment_details: [], order_delivery_status: null }),
  );

  router.on("POST", "/_sandbox/orders/:id/expire", (_req, [id]) => {
    const order = engine.order(id!);
    if (order.status === "ACTIVE") {
      order.expiryMs = engine.clock.now();
      order.status = "EXPIRED";
    }
    return ok({ order_id: order.orderId, order_status: order.status });
  });

  /** Finishes the newest open attempt of an order (or starts one), like a shopper on the simulator page. */
  router.on("POST", "/_sandbox/orders/:id/pay", (req, [id]) => {
    const body = req.json();
    const status = (body.status ?? "SUCCESS") as FinalStatus;
    if (!STATUSES.includes(status))
      throw invalid("status", "should be SUCCESS, FAILED, PENDING or USER_DROPPED", status);
    const order = engine.order(id!);
    const open = paymentsOf(engine.state, order.orderId).findLast(
      (p) => p.status === "NOT_ATTEMPTED" || p.status === "PENDING",
    );
    const payment =
      open ??
      engine.startPayment(order, {
        group: "upi",
        method: { upi: { channel: "collect", upi_id: "testsuccess@gocash" } },
        needsSimulator: false,
      });
    return ok({
      cf_payment_id: engine.completePayment(
        payment.cfPaymentId,
        status,
        body.error_code ? String(body.error_code) : null,
      ).cfPaymentId,
    });
  });

  router.on("POST", "/_sandbox/refunds/settle", () => {
    for (const refund of Object.values(engine.state.refunds))
      if (refund.status === "PENDING") refund.settlesAtMs = engine.clock.now();
    engine.settleRefunds();
    return ok({ settled: true });
  });

  /** "Trigger Sandbox Settlement" ({order_ids?}) and "Mark Sandbox Settlement processed" ({status?}). */
  router.on("POST", "/_sandbox/settlements", (req) => {
    const orderIds = req.json().order_ids;
    if (orderIds !== undefined && (!Array.isArray(orderIds) || orderIds.some((id) => typeof id !== "string")))
      throw invalid("order_ids", "should be a list of order ids", JSON.stringify(orderIds));
    return ok(settlementView(triggerSettlement(engine, orderIds as string[] | undefined)));
  });
  router.on("GET", "/_sandbox/settlements", () => ok(Object.values(engine.state.settlements).map(settlementView)));
  router.on("POST", "/_sandbox/settlements/:id/process", (req, [id]) => {
    const status = String(req.json().status ?? "SUCCESS") as SettlementStatus;
    if (!["SUCCESS", "FAILED", "REVERSED"].includes(status))
      throw invalid("status", "should be SUCCESS, FAILED or REVERSED", status);
    return ok(settlementView(processSettlement(engine, id!, status)));
  });

  router.on("GET", "/_sandbox/faults", () => ok({ webhooks: sender.faults, api: apiFaults }));
  router.on("POST", "/_sandbox/faults", (req) => {
    const body = req.json();
    const hooks = (body.webhooks ?? {}) as Partial<WebhookFaults>;
    const api = (body.api ?? {}) as Partial<ApiFaults>;
    const next: WebhookFaults = { ...sender.faults };
    if (hooks.duplicate !== undefined) next.duplicate = numberField(hooks, "duplicate", 0);
    if (hooks.delayMs !== undefined) next.delayMs = numberField(hooks, "delayMs", 0);
    if (hooks.dropAttempts !== undefined) next.dropAttempts = numberField(hooks, "dropAttempts", 0);
    if (hooks.corruptSignature !== undefined) next.corruptSignature = hooks.corruptSignature === true;
    if (hooks.staleTimestamp !== undefined) next.staleTimestamp = hooks.staleTimestamp === true;
    if (hooks.reorder !== undefined) {
      next.reorder = hooks.reorder === true;
      if (!next.reorder) sender.release();
    }
    if (api.failNext !== undefined) apiFaults.failNext = numberField(api, "failNext", 0);
    if (api.failMode !== undefined) {
      if (api.failMode !== "500" && api.failMode !== "timeout")
        throw invalid("api.failMode", "should be 500 or timeout", api.failMode);
      apiFaults.failMode = api.failMode;
    }
    sender.faults = next;
    return ok({ webhooks: sender.faults, api: apiFaults });
  });
  router.on("DELETE", "/_sandbox/faults", () => {
    sender.faults = noWebhookFaults();
    sender.release();
    apiFaults.failNext = 0;
    return ok({ webhooks: sender.faults, api: apiFaults });
  });

  /** `stripe trigger` for Cashfree: sends the event for an order again, or a dispute, on demand. */
  router.on("POST", "/_sandbox/trigger", (req) => {
    const body = req.json();
    const event = String(body.event ?? "");
    if (!body.order_id) throw missing("order_id");
    if (!TRIGGERS.includes(event as (typeof TRIGGERS)[number]))
      throw invalid("event", `should be one of ${TRIGGERS.join(", ")}`, event);
    const order = engine.order(String(body.order_id));
    if (event.startsWith("DISPUTE_")) return ok(deliveryView(engine.emitDispute(order, event as "DISPUTE_CREATED")));
    if (event === "REFUND_STATUS_WEBHOOK") {
      const refund = Object.values(engine.state.refunds).findLast((r) => r.orderId === order.orderId);
      if (!refund)
        throw new CfError(400, "refund_not_found", "invalid_request_error", "the order has no refund to report");
      return ok(deliveryView(engine.emitRefund(refund)));
    }
    const wanted = {
      PAYMENT_SUCCESS_WEBHOOK: "SUCCESS",
      PAYMENT_FAILED_WEBHOOK: "FAILED",
      PAYMENT_USER_DROPPED_WEBHOOK: "USER_DROPPED",
    }[event as "PAYMENT_SUCCESS_WEBHOOK"];
    const payment = paymentsOf(engine.state, order.orderId).findLast((p) => p.status === wanted);
    if (!payment)
      throw new CfError(
        400,
        "payment_not_found",
        "invalid_request_error",
        `the order has no ${wanted} payment to report`,
      );
    return ok(deliveryView(engine.emitPayment(order, payment)));
  });

  router.on("GET", "/_sandbox/deliveries", (req) => {
    const orderId = req.query.get("order_id");
    const list = engine.state.deliveries.filter((d) => !orderId || d.body.includes(`"order_id":"${orderId}"`));
    return ok(list.map(deliveryView));
  });
  router.on("POST", "/_sandbox/deliveries/:id/resend", (_req, [id]) => {
    const delivery = engine.state.deliveries.find((d) => d.id === id);
    if (!delivery) throw new CfError(404, "delivery_not_found", "invalid_request_error", "no such webhook delivery");
    return ok(deliveryView(sender.send(delivery.url, delivery.type, delivery.body, delivery.version)));
  });

  addDisputeControls(router, engine);

  return router;
}

function deliveryView(delivery: SandboxState["deliveries"][number] | null) {
  if (!delivery) return null;
  return {
    id: delivery.id,
    type: delivery.type,
    url: delivery.url,
    state: delivery.state,
    idempotency_key: delivery.idempotencyKey,
    attempts: delivery.attempts,
    body: JSON.parse(delivery.body) as unknown,
  };
}

function summary(state: SandboxState) {
  return {
    orders: Object.keys(state.orders).length,
    payments: Object.keys(state.payments).length,
    refunds: Object.keys(state.refunds).length,
    links: Object.keys(state.links).length,
    deliveries: state.deliveries.length,
  };
}
