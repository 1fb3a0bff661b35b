import { istTimestamp } from "./clock";
import type { SandboxEngine } from "./engine";
import { escapeHtml as e } from "./http";
import { amountDecimal } from "./money";
import { page } from "./pages";

const RECENT = 50;

function table(caption: string, headings: string[], rows: unknown[][]) {
  const head = headings.map((h) => `<th scope="col" style="text-align:left">${e(h)}</th>`).join("");
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("")
    : `<tr><td colspan="${headings.length}" class="muted">None yet</td></tr>`;
  return `<div class="card"><table><caption style="text-align:left;font-weight:700;margin-bottom:6px">${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A page for humans debugging: the newest orders, payments and webhook deliveries. */
export function debugPage(engine: SandboxEngine, info: { appId: string; controls: boolean }) {
  engine.expireDue();
  const { orders, payments, deliveries, refunds } = engine.state;
  const newest = <T>(items: T[], time: (item: T) => number) =>
    [...items].sort((a, b) => time(b) - time(a)).slice(0, RECENT);
  const body = `
<div class="card"><h1>Local Cashfree sandbox</h1><p class="muted">Base URL ${e(engine.options.baseUrl())}/pg · App ID ${e(info.appId)} · controls ${info.controls ? "on" : "off"} · clock ${e(istTimestamp(engine.clock.now()))}</p></div>
${table(
  "Orders",
  ["Order", "Status", "Amount", "Created"],
  newest(Object.values(orders), (o) => o.createdMs).map((o) => [
    o.orderId,
    o.status,
    `₹${amountDecimal(o.amountPaise)}`,
    istTimestamp(o.createdMs),
  ]),
)}
${table(
  "Payments",
  ["Payment", "Order", "Status", "Method"],
  newest(Object.values(payments), (p) => p.timeMs).map((p) => [p.cfPaymentId, p.orderId, p.status, p.group]),
)}
${table(
  "Refunds",
  ["Refund", "Order", "Status", "Amount"],
  newest(Object.values(refunds), (r) => r.createdMs).map((r) => [
    r.refundId,
    r.orderId,
    r.status,
    `₹${amountDecimal(r.amountPaise)}`,
  ]),
)}
${table(
  "Webhook deliveries",
  ["Type", "State", "Attempts", "Last status", "URL"],
  newest(deliveries, (d) => d.createdMs).map((d) => [
    d.type,
    d.state,
    d.attempts.length,
    d.attempts.at(-1)?.status ?? d.attempts.at(-1)?.error ?? "",
    d.url,
  ]),
)}`;
  return page("Cashfree sandbox", body).replace("max-width:480px", "max-width:1100px");
}
