import { istTimestamp } from "./clock";
import { FAILURE_TYPES, SANDBOX_OTP, TEST_BANKS, TEST_CARDS, TEST_VPAS, TEST_WALLETS } from "./defaults";
import type { FinalStatus, SandboxEngine } from "./engine";
import { CfError } from "./errors";
import { escapeHtml as e, html, redirect, type Reply, type Request, Router } from "./http";
import { amountDecimal } from "./money";
import { errorPage, page } from "./pages";
import { choosePaymentMethod } from "./payment-methods";
import type { SandboxOrder, SandboxPayment } from "./store";

type Embed = "" | "modal" | "inline";
const embedOf = (value: string | null): Embed => (value === "modal" || value === "inline" ? value : "");

function sessionProblem(order: SandboxOrder | null): Reply | null {
  if (!order)
    return withStatus(
      errorPage(
        "Invalid Session ID",
        "This payment link is not valid. Please go back to the merchant and try again.",
        404,
      ),
    );
  if (order.status === "PAID")
    return withStatus(
      errorPage("Order already paid", `Order ${order.orderId} has already been paid. No further payment is needed.`),
    );
  if (order.status === "EXPIRED")
    return withStatus(
      errorPage(
        "Session expired",
        `Order ${order.orderId} has expired. Please go back to the merchant to place a new order.`,
      ),
    );
  if (order.status === "TERMINATED")
    return withStatus(errorPage("Order terminated", `Order ${order.orderId} was cancelled by the merchant.`));
  return null;
}
const withStatus = ({ status, html: body }: { status: number; html: string }) => html(body, status);

function checkoutPage(order: SandboxOrder, merchant: string, embed: Embed, error?: string) {
  const hidden = `<input type="hidden" name="payment_session_id" value="${e(order.paymentSessionId)}"><input type="hidden" name="embed" value="${embed}">`;
  const cards = TEST_CARDS.map(
    (c) =>
      `<tr><td>${e(c.label)}</td><td>${c.number}</td><td><button type="button" class="secondary" data-card="${c.number}" aria-label="Use ${e(c.label)} ${c.number}">Use</button></td></tr>`,
  ).join("");
  const vpas = Object.keys(TEST_VPAS)
    .slice(0, 2)
    .map(
      (v) =>
        `<tr><td>${v}</td><td><button type="button" class="secondary" data-vpa="${v}" aria-label="Use ${v}">Use</button></td></tr>`,
    )
    .join("");
  const body = `
<div class="card"><p class="muted">${e(merchant)}</p><h1>Order ${e(order.orderId)}</h1><p class="amount">₹${amountDecimal(order.amountPaise)}</p>
<p class="banner">Sandbox: no real money moves. OTP is ${SANDBOX_OTP}.</p></div>
${error ? `<p class="error" role="alert">${e(error)}</p>` : ""}
<div class="card">
<div role="tablist" aria-label="Payment method">
<button role="tab" id="tab-card" aria-controls="panel-card" aria-selected="true">Card</button>
<button role="tab" id="tab-upi" aria-controls="panel-upi" aria-selected="false" tabindex="-1">UPI</button>
<button role="tab" id="tab-nb" aria-controls="panel-nb" aria-selected="false" tabindex="-1">Netbanking</button>
<button role="tab" id="tab-wallet" aria-controls="panel-wallet" aria-selected="false" tabindex="-1">Wallet</button></div>
<form method="post" action="/pg/view/sessions/pay" id="panel-card" role="tabpanel" aria-labelledby="tab-card">${hidden}<input type="hidden" name="method" value="card">
<label for="card_number">Card Number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required>
<label for="card_expiry">Expiry (MM/YY)</label><input id="card_expiry" name="card_expiry" placeholder="MM/YY" autocomplete="cc-exp" required>
<label for="card_cvv">CVV</label><input id="card_cvv" name="card_cvv" inputmode="numeric" autocomplete="cc-csc" required>
<label for="card_holder">Card Holder Name</label><input id="card_holder" name="card_holder_name" autocomplete="cc-name">
<button class="primary" type="submit">Proceed to Pay</button>
<h2 style="margin-top:14px">Test cards</h2><table aria-label="Test cards">${cards}</table><p class="muted">Any future expiry, CVV 123.</p></form>
<form method="post" action="/pg/view/sessions/pay" id="panel-upi" role="tabpanel" aria-labelledby="tab-upi" hidden>${hidden}<input type="hidden" name="method" value="upi">
<h2>Pay by UPI ID</h2><label for="upi_id">UPI ID</label><input id="upi_id" name="upi_id" placeholder="name@bank">
<button class="primary" type="submit" name="upi_channel" value="collect">Verify and Pay</button>
<table aria-label="Test UPI IDs">${vpas}</table>
<button class="secondary" type="submit" name="upi_channel" value="link" formnovalidate style="margin-top:10px">Pay with a UPI app</button></form>
<form method="post" action="/pg/view/sessions/pay" id="panel-nb" role="tabpanel" aria-labelledby="tab-nb" hidden>${hidden}<input type="hidden" name="method" value="netbanking">
<label for="bank">Bank</label><select id="bank" name="bank_code">${TEST_BANKS.map((b) => `<option value="${b.code}">${e(b.name)}</option>`).join("")}</select>
<button class="primary" type="submit">Pay with Netbanking</button></form>
<form method="post" action="/pg/view/sessions/pay" id="panel-wallet" role="tabpanel" aria-labelledby="tab-wallet" hidden>${hidden}<input type="hidden" name="method" value="wallet">
<label for="wallet">Wallet</label><select id="wallet" name="provider">${TEST_WALLETS.map((w) => `<option value="${w.provider}">${e(w.name)}</option>`).join("")}</select>
<label for="wallet_phone">Mobile number</label><input id="wallet_phone" name="phone" value="${e(order.customer.customer_phone)}">
<button class="primary" type="submit">Pay with Wallet</button></form>
</div>
<form method="post" action="/pg/view/sessions/cancel">${hidden}<button class="secondary" type="submit">Cancel payment</button></form>`;
  const script = `
const tabs=[...document.querySelectorAll('[role=tab]')];
function select(t){tabs.forEach(x=>{const on=x===t;x.setAttribute('aria-selected',on);x.tabIndex=on?0:-1;document.getElementById(x.getAttribute('aria-controls')).hidden=!on});t.focus()}
tabs.forEach((t,i)=>{t.onclick=()=>select(t);t.onkeydown=ev=>{if(ev.key==='ArrowRight')select(tabs[(i+1)%tabs.length]);if(ev.key==='ArrowLeft')select(tabs[(i+tabs.length-1)%tabs.length])}});
document.querySelectorAll('[data-card]').forEach(b=>b.onclick=()=>{card_number.value=b.dataset.card;card_expiry.value='12/30';card_cvv.value='123';card_holder.value='Test User';card_number.focus()});
document.querySelectorAll('[data-vpa]').forEach(b=>b.onclick=()=>{upi_id.value=b.dataset.vpa;upi_id.focus()});`;
  return page(`Pay ₹${amountDecimal(order.amountPaise)} · Cashfree Sandbox`, body, script);
}

function simulatorPage(payment: SandboxPayment, order: SandboxOrder, embed: Embed, error?: string) {
  const body = `
<div class="card"><h1>Simulator</h1><p class="muted">Sandbox bank page for order ${e(order.orderId)}: ₹${amountDecimal(payment.amountPaise)} by ${e(payment.group.replaceAll("_", " "))}.</p></div>
${error ? `<p class="error" role="alert">${e(error)}</p>` : ""}
<form class="card" method="post" action="/pg/view/simulator/${payment.cfPaymentId}"><input type="hidden" name="embed" value="${embed}">
<label for="otp">OTP</label><input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" value="${SANDBOX_OTP}">
<label for="status">Simulation Status</label><select id="status" name="status">${["SUCCESS", "FAILED", "PENDING", "USER_DROPPED"].map((s) => `<option>${s}</option>`).join("")}</select>
<label for="failure">Failure Type</label><select id="failure" name="failure_type"><option value="">Choose a failure type</option>${FAILURE_TYPES.map((f) => `<option value="${f.code}">${e(f.description)}</option>`).join("")}</select>
<button class="primary" type="submit">Submit</button></form>`;
  return page("Simulator · Cashfree Sandbox", body);
}

/** Where the shopper goes once an attempt is over: the merchant's return_url, or the parent page when embedded. */
function finish(order: SandboxOrder, payment: SandboxPayment | null, embed: Embed): Reply {
  if (embed) {
    const message = payment ? { paymentStatus: payment.status } : { closePopup: true };
    return html(
      page(
        "Payment finished",
        `<div class="card" role="status"><h1>${payment ? `Payment ${e(payment.status.toLowerCase().replace("_", " "))}` : "Payment cancelled"}</h1><p>Returning to the merchant…</p></div>`,
        `parent.postMessage(${JSON.stringify(message)}, "*");`,
      ),
    );
  }
  if (!order.returnUrl)
    return html(
      page(
        "Payment finished",
        `<div class="card" role="status"><h1>Payment ${e(payment?.status ?? "cancelled")}</h1><p>You can close this window.</p></div>`,
      ),
    );
  return redirect(order.returnUrl.replaceAll("{order_id}", encodeURIComponent(order.orderId)));
}

function methodFromForm(form: URLSearchParams) {
  const [mm = "", yy = ""] = (form.get("card_expiry") ?? "").split("/").map((part) => part.trim());
  switch (form.get("method")) {
    case "card":
      return {
        card: {
          channel: "link",
          card_number: form.get("card_number"),
          card_expiry_mm: mm,
          card_expiry_yy: yy,
          card_cvv: form.get("card_cvv"),
          card_holder_name: form.get("card_holder_name"),
        },
      };
    case "upi":
      return { upi: { channel: form.get("upi_channel") ?? "collect", upi_id: form.get("upi_id") } };
    case "netbanking":
      return { netbanking: { channel: "link", netbanking_bank_code: form.get("bank_code") } };
    default:
      return { app: { channel: "link", provider: form.get("provider"), phone: form.get("phone") } };
  }
}

/** The hosted checkout: entered by a form POST of the session (as cashfree.js does), then the simulator. */
export function createCheckoutRoutes(engine: SandboxEngine, merchantName: string) {
  const router = new Router();
  const findBySession = (id: string | null) => {
    engine.expireDue();
    return Object.values(engine.state.orders).find((o) => o.paymentSessionId === id) ?? null;
  };
  const enter = (req: Request, fields: URLSearchParams) => {
    const order = findBySession(fields.get("payment_session_id"));
    return (
      sessionProblem(order) ??
      html(checkoutPage(order!, merchantName, embedOf(fields.get("embed") ?? req.query.get("embed"))))
    );
  };
  router.on("POST", "/pg/view/sessions/checkout", (req) => enter(req, req.form()));
  router.on("GET", "/pg/view/sessions/checkout", (req) => enter(req, req.query));

  router.on("POST", "/pg/view/sessions/pay", (req) => {
    const form = req.form();
    const order = findBySession(form.get("payment_session_id"));
    const problem = sessionProblem(order);
    if (problem) return problem;
    const embed = embedOf(form.get("embed"));
    try {
      const chosen = choosePaymentMethod(methodFromForm(form));
      const payment = engine.startPayment(order!, {
        group: chosen.group,
        method: chosen.method,
        needsSimulator: chosen.needsSimulator,
      });
      if (chosen.immediateOutcome)
        return finish(order!, engine.completePayment(payment.cfPaymentId, chosen.immediateOutcome), embed);
      return redirect(`/pg/view/simulator/${payment.cfPaymentId}${embed ? `?embed=${embed}` : ""}`);
    } catch (error) {
      if (!(error instanceof CfError)) throw error;
      return html(checkoutPage(order!, merchantName, embed, error.message), error.status);
    }
  });

  router.on("POST", "/pg/view/sessions/cancel", (req) => {
    const form = req.form();
    const order = findBySession(form.get("payment_session_id"));
    if (!order) return withStatus(errorPage("Invalid Session ID", "This payment link is not valid.", 404));
    engine.dropOpenAttempts(order);
    return finish(order, null, embedOf(form.get("embed")));
  });

  const simulatorTarget = (id: string) => {
    const payment = engine.state.payments[id];
    const order = payment && engine.state.orders[payment.orderId];
    return payment && order ? { payment, order } : null;
  };
  router.on("GET", "/pg/view/simulator/:id", (req, [id]) => {
    const target = simulatorTarget(id!);
    if (!target) return withStatus(errorPage("Invalid Session ID", "This payment does not exist.", 404));
    if (target.payment.status !== "NOT_ATTEMPTED" && target.payment.status !== "PENDING")
      return finish(target.order, target.payment, embedOf(req.query.get("embed")));
    return html(simulatorPage(target.payment, target.order, embedOf(req.query.get("embed"))));
  });
  router.on("POST", "/pg/view/simulator/:id", (req, [id]) => {
    const target = simulatorTarget(id!);
    if (!target) return withStatus(errorPage("Invalid Session ID", "This payment does not exist.", 404));
    const form = req.form();
    const embed = embedOf(form.get("embed"));
    const status = form.get("status") as FinalStatus;
    if (!["SUCCESS", "FAILED", "PENDING", "USER_DROPPED"].includes(status))
      return html(simulatorPage(target.payment, target.order, embed, "Choose a simulation status."), 400);
    if (status !== "USER_DROPPED" && form.get("otp") !== SANDBOX_OTP)
      return html(simulatorPage(target.payment, target.order, embed, `Invalid OTP. Use ${SANDBOX_OTP}.`), 400);
    if (status === "FAILED" && !form.get("failure_type"))
      return html(simulatorPage(target.payment, target.order, embed, "Choose a Failure Type for FAILED."), 400);
    return finish(
      target.order,
      engine.completePayment(target.payment.cfPaymentId, status, form.get("failure_type")),
      embed,
    );
  });

  // Hosted payment-link page: paying creates a Cashfree order for the link, then the usual checkout.
  router.on("GET", "/links/:code", (_req, [code]) => {
    const link = engine.state.links[code!];
    if (!link) return withStatus(errorPage("Link not found", "This payment link does not exist.", 404));
    if (link.status !== "ACTIVE" && link.status !== "PARTIALLY_PAID")
      return withStatus(errorPage(`Link ${link.status.toLowerCase()}`, "This payment link can no longer be paid."));
    return html(
      page(
        `Pay ${link.purpose}`,
        `<div class="card"><p class="muted">${e(merchantName)}</p><h1>${e(link.purpose)}</h1><p class="amount">₹${amountDecimal(link.amountPaise - link.paidPaise)}</p><p class="muted">Valid until ${e(istTimestamp(link.expiryMs))}</p>
<form method="post" action="/links/${code}/pay"><button class="primary" type="submit">Pay ₹${amountDecimal(link.amountPaise - link.paidPaise)}</button></form></div>`,
      ),
    );
  });
  router.on("POST", "/links/:code/pay", (_req, [code]) => {
    const link = engine.state.links[code!];
    if (!link || (link.status !== "ACTIVE" && link.status !== "PARTIALLY_PAID"))
      return withStatus(errorPage("Link not payable", "This payment link can no longer be paid."));
    const order = engine.createOrder(
      {
        orderId: `CFPay_${link.code}_${Date.now().toString(36)}`,
        amountPaise: link.amountPaise - link.paidPaise,
        currency: link.currency,
        customer: {
          customer_id: `link_${link.code}`,
          customer_phone: link.customer.customer_phone,
          customer_email: link.customer.customer_email,
          customer_name: link.customer.customer_name,
        },
        returnUrl: link.returnUrl,
        notifyUrl: link.notifyUrl,
        paymentMethods: null,
        expiryMs: null,
        note: null,
        tags: { cf_link_id: link.cfLinkId },
      },
      { linkId: link.linkId },
    );
    return html(checkoutPage(order, merchantName, ""));
  });
  return router;
}
