// GET /admin/settlements/export – every settlement as CSV (amounts in rupees with two decimals), for the accountant
import { csvRow } from "@/lib/admin/csv";
import { adminRoute } from "@/lib/actions/client";
import { paiseToRupeeString } from "@/lib/money";
import { allSettlements } from "@/lib/settlements/view";

export const dynamic = "force-dynamic";

const HEADER = [
  "cf_settlement_id",
  "utr",
  "status",
  "payment_from",
  "payment_till",
  "initiated_on",
  "settled_on",
  "payment_amount_inr",
  "service_charge_inr",
  "service_tax_inr",
  "settlement_charge_inr",
  "settlement_tax_inr",
  "adjustment_inr",
  "amount_settled_inr",
];

export const GET = adminRoute("staff", "settlement.export", async () => {
  const rows = (await allSettlements()).map((s) =>
    csvRow([
      s.cfSettlementId,
      s.utr,
      s.status,
      s.paymentFrom,
      s.paymentTill,
      s.initiatedOn,
      s.settledOn,
      ...[
        s.paymentAmountPaise,
        s.serviceChargePaise,
        s.serviceTaxPaise,
        s.settlementChargePaise,
        s.settlementTaxPaise,
        s.adjustmentPaise,
        s.amountSettledPaise,
      ].map(paiseToRupeeString),
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvRow(HEADER) + rows.join(""), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="settlements-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
