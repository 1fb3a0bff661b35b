import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

import { formatRate } from "@/lib/gst/codes";
import type { GstQuote } from "@/lib/gst/quote";
import { formatInr } from "@/lib/money";
import type { EmailTemplate } from "@/lib/orders/jobs";
import type { MoneyBack } from "@/lib/orders/view";

/** Everything an order e-mail shows, loaded fresh when the job runs. */
export interface OrderEmailData {
  store: { name: string; address: string };
  order: {
    id: string;
    customerName: string;
    items: { productName: string; quantity: number; lineTotalPaise: number }[];
    subtotalPaise: number;
    shippingPaise: number;
    totalPaise: number;
    /** What came back and the net paid, as the order page shows them (`moneyBack` in lib/orders/view.ts). */
    moneyBack: MoneyBack;
    shippingAddress: string;
    /** The shopper's order page (with its token): receipt, tracking, Pay again. */
    url: string;
    courier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
  };
  /** The GST inside the total, as the tax invoice breaks it down. */
  gst: Pick<GstQuote, "supply" | "byRate" | "totals">;
  /** The tax invoice, once the order is paid. */
  invoice?: { number: string; url: string };
  refund?: { amountPaise: number; method: string };
  paymentLinkUrl?: string;
}

const text = { color: "#292524", fontSize: "15px", lineHeight: "22px" };
const muted = { ...text, color: "#57534e", fontSize: "13px" };
const button = {
  backgroundColor: "#9a3412",
  color: "#ffffff",
  borderRadius: "8px",
  padding: "12px 20px",
  fontWeight: 600,
};

function Layout({ data, preview, children }: { data: OrderEmailData; preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#fafaf9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px 16px" }}>
          <Heading as="h2" style={{ color: "#7c2d12", fontSize: "20px" }}>
            {data.store.name}
          </Heading>
          <Section
            style={{ backgroundColor: "#ffffff", borderRadius: "12px", padding: "20px", border: "1px solid #e7e5e4" }}
          >
            {children}
          </Section>
          <Text style={muted}>
            Order {data.order.id} · {data.store.address}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

function Items({ data }: { data: OrderEmailData }) {
  const { order } = data;
  return (
    <>
      {order.items.map((item) => (
        <Text key={item.productName} style={{ ...text, margin: "4px 0" }}>
          {item.quantity} × {item.productName} — {formatInr(item.lineTotalPaise)}
        </Text>
      ))}
      <Hr />
      <Text style={{ ...text, margin: "4px 0" }}>Subtotal: {formatInr(order.subtotalPaise)}</Text>
      <Text style={{ ...text, margin: "4px 0" }}>
        Shipping: {order.shippingPaise === 0 ? "Free" : formatInr(order.shippingPaise)}
      </Text>
      <Text style={{ ...text, margin: "4px 0", fontWeight: 700 }}>Total paid: {formatInr(order.totalPaise)}</Text>
      <MoneyBackLines data={data} />
      <Text style={muted}>Prices include GST: {gstSummary(data.gst)}.</Text>
    </>
  );
}

/** Refunds and chargebacks off the total, and the net paid: the same numbers as the order page's receipt. */
function MoneyBackLines({ data }: { data: OrderEmailData }) {
  const money = data.order.moneyBack;
  if (money.refundedPaise + money.chargebackPaise + money.refundingPaise === 0) return null;
  const line = { ...text, margin: "4px 0" };
  return (
    <>
      {money.refundedPaise > 0 && <Text style={line}>Refunded: {formatInr(-money.refundedPaise)}</Text>}
      {money.chargebackPaise > 0 && (
        <Text style={line}>Returned by your bank: {formatInr(-money.chargebackPaise)}</Text>
      )}
      <Text style={{ ...line, fontWeight: 700 }}>Net paid: {formatInr(money.netPaidPaise)}</Text>
      {money.refundingPaise > 0 && (
        <Text style={{ ...muted, margin: "4px 0" }}>
          Refund in progress: {formatInr(money.refundingPaise)} (counted once it completes)
        </Text>
      )}
    </>
  );
}

/** A refund e-mail's summary: the order's total and what came back, as on the order page. */
function RefundTotals({ data }: { data: OrderEmailData }) {
  return (
    <>
      <Hr />
      <Text style={{ ...text, margin: "4px 0" }}>Order total: {formatInr(data.order.totalPaise)}</Text>
      <MoneyBackLines data={data} />
    </>
  );
}

/** "CGST 2.5% ₹35.69 + SGST 2.5% ₹35.69 on ₹1,427.52": the e-mail's one line of the invoice's tax table. */
function gstSummary(gst: OrderEmailData["gst"]) {
  const parts = gst.byRate
    .filter((rate) => rate.taxPaise > 0)
    .flatMap((rate) =>
      gst.supply === "intra_state"
        ? [
            `CGST ${formatRate(rate.rateBps / 2)} ${formatInr(rate.cgstPaise)}`,
            `SGST ${formatRate(rate.rateBps / 2)} ${formatInr(rate.sgstPaise)}`,
          ]
        : [`IGST ${formatRate(rate.rateBps)} ${formatInr(rate.igstPaise)}`],
    );
  if (parts.length === 0) return "none on these goods";
  return `${parts.join(" + ")} on a taxable value of ${formatInr(gst.totals.taxablePaise)}`;
}

function InvoiceLink({ data }: { data: OrderEmailData }) {
  if (!data.invoice) return null;
  return (
    <Text style={text}>
      {/* Nothing after the link: in the plain-text part its URL ends the line. */}
      Your tax invoice {data.invoice.number}: <Link href={data.invoice.url}>download the PDF</Link>
    </Text>
  );
}

function OrderLink({ data, label }: { data: OrderEmailData; label: string }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button href={data.order.url} style={button}>
        {label}
      </Button>
    </Section>
  );
}

interface Rendered {
  subject: string;
  body: ReactNode;
}

const TEMPLATES: Record<EmailTemplate, (data: OrderEmailData) => Rendered> = {
  order_confirmed: (data) => ({
    subject: `Order ${data.order.id} confirmed — ${formatInr(data.order.totalPaise)}`,
    body: (
      <Layout data={data} preview={`Thank you! We have your payment of ${formatInr(data.order.totalPaise)}.`}>
        <Text style={text}>
          Thank you, {data.order.customerName}. We have your payment and your order is confirmed.
        </Text>
        <Items data={data} />
        <Text style={text}>Shipping to: {data.order.shippingAddress}</Text>
        <InvoiceLink data={data} />
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  payment_failed: (data) => ({
    subject: `Payment for order ${data.order.id} did not go through`,
    body: (
      <Layout data={data} preview="No money was taken. You can pay again.">
        <Text style={text}>
          Hello {data.order.customerName}, your payment of {formatInr(data.order.totalPaise)} did not go through and no
          money was taken. Your order is saved: you can pay again while it is open.
        </Text>
        <OrderLink data={data} label="Pay again" />
      </Layout>
    ),
  }),
  payment_under_review: (data) => ({
    subject: `We are checking your payment for order ${data.order.id}`,
    body: (
      <Layout data={data} preview="Your payment reached us; it needs a quick manual check.">
        <Text style={text}>
          Hello {data.order.customerName}, your payment reached us but needs a quick manual check. We will write to you
          within one working day. Please do not pay again.
        </Text>
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  refund_initiated: (data) => ({
    subject: `Refund of ${formatInr(data.refund?.amountPaise ?? 0)} started for order ${data.order.id}`,
    body: (
      <Layout data={data} preview="Your refund is on its way.">
        <Text style={text}>
          Hello {data.order.customerName}, we have started a refund of {formatInr(data.refund?.amountPaise ?? 0)} to
          your {data.refund?.method ?? "original payment method"}. Banks usually take 5–7 working days to show it.
        </Text>
        <RefundTotals data={data} />
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  refund_completed: (data) => ({
    subject: `Refund of ${formatInr(data.refund?.amountPaise ?? 0)} completed for order ${data.order.id}`,
    body: (
      <Layout data={data} preview="Your refund is complete.">
        <Text style={text}>
          Hello {data.order.customerName}, your refund of {formatInr(data.refund?.amountPaise ?? 0)} to your{" "}
          {data.refund?.method ?? "original payment method"} is complete.
        </Text>
        <RefundTotals data={data} />
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  order_shipped: (data) => ({
    subject: `Order ${data.order.id} has shipped`,
    body: (
      <Layout data={data} preview={`Shipped with ${data.order.courier ?? "our courier"}.`}>
        <Text style={text}>
          Good news, {data.order.customerName}: your order is on its way with {data.order.courier ?? "our courier"}
          {data.order.trackingNumber ? `, tracking number ${data.order.trackingNumber}` : ""}.
        </Text>
        {data.order.trackingUrl && (
          <Text style={text}>
            {/* The link text stays short: a long tracking URL would widen the e-mail past a phone's screen. */}
            <Link href={data.order.trackingUrl}>Track your parcel with {data.order.courier ?? "the courier"}</Link>
          </Text>
        )}
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  order_delivered: (data) => ({
    subject: `Order ${data.order.id} was delivered`,
    body: (
      <Layout data={data} preview="Your order was delivered.">
        <Text style={text}>Hello {data.order.customerName}, your order was delivered. We hope you enjoy it.</Text>
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  order_link: (data) => ({
    subject: `Your order ${data.order.id} at ${data.store.name}`,
    body: (
      <Layout data={data} preview="The link to your order.">
        <Text style={text}>
          Hello {data.order.customerName}, you asked for the link to your order. It shows its progress and your receipt.
          If you did not ask, you can ignore this e-mail.
        </Text>
        <OrderLink data={data} label="View your order" />
      </Layout>
    ),
  }),
  payment_link: (data) => ({
    subject: `Pay for order ${data.order.id}`,
    body: (
      <Layout data={data} preview={`A payment link for ${formatInr(data.order.totalPaise)}.`}>
        <Text style={text}>
          Hello {data.order.customerName}, here is a link to pay {formatInr(data.order.totalPaise)} for your order.
        </Text>
        {data.paymentLinkUrl && (
          <Section style={{ margin: "16px 0" }}>
            <Button href={data.paymentLinkUrl} style={button}>
              Pay {formatInr(data.order.totalPaise)}
            </Button>
          </Section>
        )}
      </Layout>
    ),
  }),
};

export function orderEmail(template: EmailTemplate, data: OrderEmailData): Rendered {
  return TEMPLATES[template](data);
}
