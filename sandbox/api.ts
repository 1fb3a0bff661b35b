import { createHash } from "node:crypto";

import { SANDBOX_API_VERSIONS } from "./defaults";
import { addDisputeApi } from "./disputes";
import type { FinalStatus, SandboxEngine } from "./engine";
import { authFailed, CfError, internalError, invalid, missing, rateLimited } from "./errors";
import { linkEntity, orderEntity, paymentEntity, refundEntity } from "./entities";
import type { Reply, Request } from "./http";
import { Router } from "./http";
import { amountNumber, paiseFromAmount } from "./money";
import { choosePaymentMethod } from "./payment-methods";
import { listSettlements, orderSettlement, settlementRecon } from "./settlements";
import { digits, token } from "./store";
import { validateCreateOrder } from "./validation";

export interface ApiFaults {
  /** The next N authenticated calls fail with this. */
  failNext: number;
  failMode: "500" | "timeout";
}

export interface ApiOptions {
  appId: string;
  secretKey: string;
  rateLimitPerMinute: number | null;
  faults: ApiFaults;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const UNAUTHENTICATED = [/^\/pg\/orders\/sessions$/, /^\/pg\/orders\/pay\/authenticate\/[^/]+$/];

/** Cashfree's PG REST API under /pg, with its auth, versioning, idempotency and error envelope. */
export function createApi(engine: SandboxEngine, options: ApiOptions) {
  const router = new Router();
  const base = () => engine.options.baseUrl();
  const sessionUrl = (cfPaymentId: string) => `${base()}/pg/view/simulator/${cfPaymentId}`;

  router.on("POST", "/pg/orders", (req) =>
    ok(orderEntity(engine.createOrder(validateCreateOrder(req.json(), engine.clock.now())))),
  );
  router.on("GET", "/pg/orders/:id", (_req, [id]) => ok(orderEntity(engine.order(id!))));
  router.on("PATCH", "/pg/orders/:id", (req, [id]) => {
    const status = req.json().order_status;
    if (status !== undefined && status !== "TERMINATED") throw invalid("order_status", "should be TERMINATED", status);
    return ok(orderEntity(engine.terminate(id!)));
  });
  router.on("GET", "/pg/orders/:id/payments", (_req, [id]) => {
    const order = engine.order(id!);
    return ok(engine.payments(id!).map((p) => paymentEntity(p, order)));
  });
  router.on("GET", "/pg/orders/:id/payments/:pid", (_req, [id, pid]) => {
    if (!engine.state.orders[id!])
      throw new CfError(400, "order_not_found", "invalid_request_error", "Order Reference Id does not exist");
    return ok(paymentEntity(engine.payment(id!, pid!), engine.order(id!)));
  });

  router.on("POST", "/pg/orders/sessions", (req) => {
    const body = req.json();
    if (!body.payment_session_id)
      throw new CfError(
        400,
        "payment_session_id_invalid",
        "request_failed",
        "payment_session_id is missing in the request",
      );
    const order = engine.orderBySession(String(body.payment_session_id));
    const chosen = choosePaymentMethod(body.payment_method);
    const payment = engine.startPayment(order, {
      group: chosen.group,
      method: chosen.method,
      needsSimulator: chosen.needsSimulator,
    });
    if (chosen.immediateOutcome) {
      // A collect request to a test VPA: "approved" on the phone a moment later.
      payment.status = "PENDING";
      setTimeout(() => engine.completePayment(payment.cfPaymentId, chosen.immediateOutcome!), 50).unref();
    }
    const upiIntent = chosen.kind === "upi" && chosen.channel !== "collect";
    const intent = `upi://pay?pa=cashfree@testbank&pn=Cashfree&tr=${payment.cfPaymentId}&am=${amountNumber(order.amountPaise)}&cu=INR`;
    return ok({
      payment_amount: amountNumber(order.amountPaise),
      cf_payment_id: payment.cfPaymentId,
      payment_method: chosen.kind,
      channel: chosen.channel,
      action: chosen.kind === "upi" ? "custom" : "link",
      data: upiIntent
        ? {
            url: null,
            payload:
              chosen.channel === "qrcode"
                ? { qrcode: null, web: sessionUrl(payment.cfPaymentId) }
                : {
                    default: intent,
                    gpay: intent,
                    phonepe: intent,
                    paytm: intent,
                    bhim: intent,
                    web: sessionUrl(payment.cfPaymentId),
                  },
            content_type: null,
            method: null,
          }
        : {
            url: chosen.needsSimulator ? sessionUrl(payment.cfPaymentId) : null,
            payload: null,
            content_type: null,
            method: null,
          },
    });
  });

  router.on("POST", "/pg/orders/pay/authenticate/:pid", (req, [pid]) => {
    const body = req.json();
    const payment = engine.state.payments[pid!];
    if (!payment) throw new CfError(404, "payment_not_found", "invalid_request_error", "transaction not found.");
    if (payment.status !== "NOT_ATTEMPTED" && payment.status !== "PENDING")
      throw new CfError(400, "request_invalid", "invalid_request_error", "Transaction is already processed.");
    if (body.action === "RESEND_OTP")
      return ok({
        cf_payment_id: pid,
        action: "RESEND_OTP",
        authenticate_status: "SUCCESS",
        payment_message: "otp sent successfully",
      });
    if (body.otp !== "111000")
      return ok({
        cf_payment_id: pid,
        action: "SUBMIT_OTP",
        authenticate_status: "FAILED",
        payment_message: "otp is invalid",
      });
    engine.completePayment(pid!, "SUCCESS");
    return ok({
      cf_payment_id: pid,
      action: "SUBMIT_OTP",
      authenticate_status: "SUCCESS",
      payment_message: "payment successful",
    });
  });

  router.on("POST", "/pg/orders/:id/refunds", (req, [id]) => {
    const body = req.json();
    const order = engine.order(id!);
    const refundId = String(body.refund_id ?? "");
    if (!refundId) throw missing("refund_id");
    if (!/^[A-Za-z0-9_-]{3,40}$/.test(refundId))
      throw invalid("refund_id", "should be 3 to 40 alphanumeric characters", refundId);
    if (engine.state.refunds[`${id}/${refundId}`])
      throw new CfError(
        400,
        "refund_id_already_exists",
        "invalid_request_error",
        "refund with same refund_id already exists",
      );
    const amount = typeof body.refund_amount === "number" ? paiseFromAmount(body.refund_amount) : null;
    if (amount === null || amount <= 0)
      throw new CfError(
        400,
        "refund_amount_invalid",
        "invalid_request_error",
        "refund_amount : Invalid amount entered ",
      );
    const refund = engine.createRefund(order, refundId, amount, body.refund_note ? String(body.refund_note) : null);
    // With no settle delay (refundSettleMs 0) the refund is answered SUCCESS at once, as an instant refund can be.
    engine.settleRefunds();
    return ok(refundEntity(refund));
  });
  router.on("GET", "/pg/orders/:id/refunds", (_req, [id]) => {
    engine.order(id!);
    engine.settleRefunds();
    return ok(
      Object.values(engine.state.refunds)
        .filter((r) => r.orderId === id)
        .map(refundEntity),
    );
  });
  router.on("GET", "/pg/orders/:id/refunds/:rid", (_req, [id, rid]) => {
    engine.order(id!);
    engine.settleRefunds();
    const refund = engine.state.refunds[`${id}/${rid}`];
    if (!refund) throw new CfError(404, "refund_not_found", "invalid_request_error", "Refund Id does not exist");
    return ok(refundEntity(refund));
  });

  router.on("GET", "/pg/orders/:id/extended", (_req, [id]) => {
    const order = engine.order(id!);
    return ok({
      cf_order_id: order.cfOrderId,
      order_id: order.orderId,
      order_amount: amountNumber(order.amountPaise),
      order_currency: order.currency,
      created_at: orderEntity(order).created_at,
      charges: null,
      customer_details: orderEntity(order).customer_details,
      shipping_address: null,
      billing_address: null,
      cart: null,
      offer: null,
    });
  });
  router.on("PUT", "/pg/orders/:id/extended", (req, [id]) => {
    const order = engine.order(id!);
    const body = req.json();
    if (!body.shipment_details && !body.order_delivery_status) throw missing("shipment_details");
    order.shipment = {
      shipment_details: (body.shipment_details as unknown[]) ?? [],
      order_delivery_status: body.order_delivery_status ?? null,
    };
    return ok({
      cf_order_id: order.cfOrderId,
      order_id: order.orderId,
      shipment_details: body.shipment_details ?? [],
      order_delivery_status: body.order_delivery_status ?? null,
    });
  });

  router.on("POST", "/pg/links", (req) => ok(linkEntity(createLink(engine, req.json()), base())));
  router.on("GET", "/pg/links/:id", (_req, [id]) => ok(linkEntity(findLink(engine, id!, "Id"), base())));
  router.on("POST", "/pg/links/:id/cancel", (_req, [id]) => {
    const link = findLink(engine, id!, "Id");
    if (link.status !== "ACTIVE")
      throw new CfError(400, "link_not_active", "invalid_request_error", "Only link in ACTIVE state can be cancelled");
    link.status = "CANCELLED";
    const { type, body } = linkEventFor(engine, link);
    engine.deliver(link.notifyUrl, type, body);
    return ok(linkEntity(link, base()));
  });
  router.on("GET", "/pg/links/:id/orders", (req, [id]) => {
    const link = findLink(engine, id!, "ID");
    const all = req.query.get("status") === "ALL";
    return ok(
      Object.values(engine.state.orders)
        .filter((o) => o.linkId === link.linkId && (all || o.status === "PAID"))
        .map(orderEntity),
    );
  });

  router.on("POST", "/pg/simulate", (req) => {
    const body = req.json();
    if (body.entity !== "PAYMENTS") throw invalid("entity", "should be PAYMENTS", body.entity);
    if (!body.entity_id) throw missing("entity_id");
    const simulation = (body.entity_simulation ?? {}) as { payment_status?: string; payment_error_code?: string };
    if (!["SUCCESS", "FAILED", "PENDING", "USER_DROPPED"].includes(simulation.payment_status ?? ""))
      throw invalid(
        "entity_simulation.payment_status",
        "should be SUCCESS, FAILED, PENDING or USER_DROPPED",
        simulation.payment_status,
      );
    const payment = engine.state.payments[String(body.entity_id)];
    if (!payment) throw new CfError(404, "payment_not_found", "invalid_request_error", "transaction not found");
    engine.completePayment(
      payment.cfPaymentId,
      simulation.payment_status as FinalStatus,
      simulation.payment_error_code,
    );
    const record = {
      simulation_id: digits(8),
      entity: "PAYMENTS",
      entity_id: payment.cfPaymentId,
      entity_simulation: {
        payment_status: simulation.payment_status!,
        payment_error_code: simulation.payment_error_code ?? null,
      },
    };
    engine.state.simulations[record.simulation_id] = record;
    return ok(record);
  });
  router.on("GET", "/pg/simulate/:id", (_req, [id]) => {
    const record = engine.state.simulations[id!];
    if (!record) throw new CfError(404, "simulation_not_found", "invalid_request_error", "simulation not found");
    return ok(record);
  });

  router.on("POST", "/pg/settlements", (req) => ok(listSettlements(engine, req.json())));
  router.on("POST", "/pg/settlement/recon", (req) => ok(settlementRecon(engine, req.json())));
  router.on("GET", "/pg/orders/:id/settlements", (_req, [id]) => ok(orderSettlement(engine, id!)));
  addDisputeApi(router, engine);

  return {
    router,
    authenticate: (req: Request) => authenticate(engine, options, req),
    guard: (req: Request) => guard(options, req),
    idempotent,
  };
}

function findLink(engine: SandboxEngine, linkId: string, idWord: "Id" | "ID") {
  const link = Object.values(engine.state.links).find((l) => l.linkId === linkId);
  if (!link)
    throw new CfError(404, "link_not_found", "invalid_request_error", `No request found with link ${idWord} ${linkId}`);
  if (link.status === "ACTIVE" && link.expiryMs <= engine.clock.now()) link.status = "EXPIRED";
  return link;
}

function linkEventFor(engine: SandboxEngine, link: Parameters<typeof linkEntity>[0]) {
  return {
    type: "PAYMENT_LINK_EVENT",
    body: JSON.stringify({
      data: {
        ...linkEntity(link, engine.options.baseUrl()),
        link_amount: (link.amountPaise / 100).toFixed(2),
        link_amount_paid: (link.paidPaise / 100).toFixed(2),
        order: null,
      },
      type: "PAYMENT_LINK_EVENT",
      version: 1,
      event_time: new Date(engine.clock.now()).toISOString(),
    }),
  };
}

function createLink(engine: SandboxEngine, body: Record<string, unknown>) {
  const linkId = String(body.link_id ?? "");
  if (!linkId) throw missing("link_id");
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(linkId))
    throw invalid("link_id", "should be at most 50 alphanumeric characters", linkId);
  if (Object.values(engine.state.links).some((l) => l.linkId === linkId))
    throw new CfError(409, "link_already_exists", "invalid_request_error", "link with same id is already present");
  const amount = typeof body.link_amount === "number" ? paiseFromAmount(body.link_amount) : null;
  if (amount === null || amount < 100)
    throw new CfError(400, "link_amount_invalid", "invalid_request_error", "link_amount : Invalid amount entered ");
  if (!body.link_currency) throw missing("link_currency");
  if (!body.link_purpose) throw missing("link_purpose");
  const customer = (body.customer_details ?? {}) as Record<string, string>;
  if (!customer.customer_phone) throw missing("customer_details.customer_phone");
  const meta = (body.link_meta ?? {}) as Record<string, string>;
  const now = engine.clock.now();
  const expiry = body.link_expiry_time ? Date.parse(String(body.link_expiry_time)) : now + 30 * 86_400_000;
  const link = {
    cfLinkId: digits(7),
    linkId,
    code: token(9).replace(/[-_]/g, "x").toLowerCase(),
    status: "ACTIVE" as const,
    amountPaise: amount,
    paidPaise: 0,
    currency: String(body.link_currency),
    purpose: String(body.link_purpose),
    customer: {
      customer_phone: customer.customer_phone,
      customer_email: customer.customer_email ?? null,
      customer_name: customer.customer_name ?? null,
    },
    notifyUrl: meta.notify_url ?? null,
    returnUrl: meta.return_url ?? null,
    createdMs: now,
    expiryMs: expiry,
  };
  engine.state.links[link.code] = link;
  return link;
}

function recordBearerCall(engine: SandboxEngine, req: Request, merchantId: string) {
  const calls = engine.state.oauth.bearerCalls;
  calls.push({ method: req.method, path: req.path, merchantId, atMs: engine.clock.now() });
  if (calls.length > 200) calls.splice(0, calls.length - 200);
}

/** Merchant keys, or an OAuth bearer token from the partner flow. */
function authenticate(engine: SandboxEngine, options: ApiOptions, req: Request) {
  if (UNAUTHENTICATED.some((pattern) => pattern.test(req.path))) return;
  const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
  if (bearer) {
    const grant = engine.state.oauth.accessTokens[bearer];
    if (!grant || grant.expiresMs < engine.clock.now()) throw authFailed();
    recordBearerCall(engine, req, grant.merchantId);
    return;
  }
  if (req.headers["x-client-id"] !== options.appId || req.headers["x-client-secret"] !== options.secretKey)
    throw authFailed();
}

/** Version header, rate limit and injected API faults, before any handler runs. */
const windowHits: number[] = [];
function guard(options: ApiOptions, req: Request): Reply | "timeout" | null {
  const version = req.headers["x-api-version"];
  if (!version)
    throw new CfError(
      400,
      "version_missing",
      "invalid_request_error",
      "x-api-version : is missing in the request. Value received: ",
    );
  if (!SANDBOX_API_VERSIONS.includes(String(version) as (typeof SANDBOX_API_VERSIONS)[number]))
    throw invalid("x-api-version", "is not a supported version", version, "version_invalid");
  if (options.rateLimitPerMinute !== null) {
    const now = Date.now();
    while (windowHits.length && windowHits[0]! < now - 60_000) windowHits.shift();
    if (windowHits.length >= options.rateLimitPerMinute) {
      const retry = Math.max(1, Math.ceil((windowHits[0]! + 60_000 - now) / 1000));
      const error = rateLimited();
      return {
        status: 429,
        body: error.body(),
        headers: {
          "x-ratelimit-limit": String(options.rateLimitPerMinute),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-retry": String(retry),
          "x-ratelimit-type": "app_id",
        },
      };
    }
    windowHits.push(now);
  }
  if (options.faults.failNext > 0) {
    options.faults.failNext--;
    if (options.faults.failMode === "timeout") return "timeout";
    const error = internalError();
    return { status: 500, body: error.body() };
  }
  return null;
}

/** Replays the first answer for an x-idempotency-key (errors included); a different body is a 422. */
async function idempotent(engine: SandboxEngine, req: Request, run: () => Promise<Reply>): Promise<Reply> {
  const key = req.headers["x-idempotency-key"];
  if (!key || req.method === "GET") return run();
  const scope = `${req.headers["x-client-id"] ?? "bearer"}:${req.method}:${req.path}:${key}`;
  // A multipart body is the same request whatever boundary its client picked (UNCONFIRMED how Cashfree compares).
  const boundary = /boundary=("?)([^";]+)\1/.exec(String(req.headers["content-type"] ?? ""))?.[2];
  const compared = boundary ? req.rawBytes.toString("latin1").replaceAll(boundary, "") : req.rawBody;
  const fingerprint = createHash("sha256").update(compared).digest("hex");
  const previous = engine.state.idempotency[scope];
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      return {
        status: 422,
        body: {
          message: "Different request body with the same idempotent key",
          code: "request_invalid",
          type: "idempotency_error",
        },
        headers: { "x-idempotency-key": String(key) },
      };
    }
    return {
      status: previous.status,
      text: previous.body,
      contentType: "application/json",
      headers: { "x-idempotency-key": String(key), "x-idempotency-replayed": "true" },
    };
  }
  const reply = await run();
  engine.state.idempotency[scope] = {
    fingerprint,
    status: reply.status,
    body: reply.text ?? JSON.stringify(reply.body),
  };
  return {
    ...reply,
    headers: { ...reply.headers, "x-idempotency-key": String(key), "x-idempotency-replayed": "false" },
  };
}
