import { Link, Text } from "@react-email/components";
import { describe, expect, it } from "vitest";

import { EMAIL_TEMPLATES } from "@/lib/orders/jobs";

import { plainTextOf } from "./send";
import { orderEmail, type OrderEmailData } from "./templates";

// Every link the e-mails can carry, each with a query string (tokens) as the real ones have.
const LINKS = {
  order: "http://localhost:3000/orders/KC-260105-ABCDEFGH?token=Zm9vYmFyYmF6",
  invoice: "http://localhost:3000/orders/KC-260105-ABCDEFGH/documents/1b2c?token=Zm9vYmFyYmF6",
  tracking: "https://www.delhivery.com/track/package/DL123456789IN",
  paymentLink: "https://payments-test.cashfree.com/links/o1a2b3c4",
};

const data: OrderEmailData = {
  store: { name: "Kaveri & Co.", address: "Kaveri & Co., 12 MG Road, Bengaluru · GSTIN 29AAKFK4821M1ZU" },
  order: {
    id: "KC-260105-ABCDEFGH",
    customerName: "Asha Rao",
    items: [{ productName: "Brass Masala Dabba", quantity: 1, lineTotalPaise: 99_900 }],
    subtotalPaise: 99_900,
    shippingPaise: 0,
    totalPaise: 99_900,
    moneyBack: { refundedPaise: 0, refundingPaise: 0, chargebackPaise: 0, netPaidPaise: 99_900 },
    shippingAddress: "12 MG Road, Bengaluru, Karnataka 560001",
    url: LINKS.order,
    courier: "Delhivery",
    trackingNumber: "DL123456789IN",
    trackingUrl: LINKS.tracking,
  },
  gst: {
    supply: "intra_state",
    byRate: [{ rateBps: 500, taxablePaise: 95_142, taxPaise: 4_758, cgstPaise: 2_379, sgstPaise: 2_379, igstPaise: 0 }],
    totals: { taxablePaise: 95_142, taxPaise: 4_758, cgstPaise: 2_379, sgstPaise: 2_379, igstPaise: 0 },
  } as OrderEmailData["gst"],
  invoice: { number: "KC/25-26/0001", url: LINKS.invoice },
  refund: { amountPaise: 20_000, method: "original payment method" },
  paymentLinkUrl: LINKS.paymentLink,
};

/** The URLs a mail client's linkifier takes from plain text: from http(s):// up to the next whitespace. */
const linkified = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

describe("plain-text e-mails", () => {
  it.each(EMAIL_TEMPLATES)("%s: every URL ends at whitespace, exactly as linked", async (template) => {
    const text = await plainTextOf(orderEmail(template, data).body as React.ReactElement);
    const urls = linkified(text);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(Object.values(LINKS)).toContain(url);
  });

  it("never glues what follows a link to its URL, whatever the template says after it", async () => {
    const text = await plainTextOf(
      <Text>
        Your invoice: <Link href={LINKS.invoice}>download it</Link>. Or see <Link href={LINKS.order}>your order</Link>
        ), then <Link href={LINKS.tracking}>{LINKS.tracking}</Link>, please.
      </Text>,
    );
    expect(linkified(text)).toEqual([LINKS.invoice, LINKS.order, LINKS.tracking]);
  });
});
