import { Fragment } from "react";

import { formatRate } from "@/lib/gst/codes";
import type { GstQuote } from "@/lib/gst/quote";
import { formatInr } from "@/lib/money";

/** The GST inside a GST-inclusive total: the taxable value, then CGST and SGST (or IGST) for each rate. */
export function GstBreakdown({
  quote,
  label = "GST breakdown",
}: {
  quote: Pick<GstQuote, "supply" | "byRate" | "totals">;
  label?: string;
}) {
  const taxed = quote.byRate.filter((rate) => rate.taxPaise > 0);
  return (
    <dl aria-label={label} className="space-y-1 text-sm text-stone-600">
      <div className="flex justify-between">
        <dt>Taxable value</dt>
        <dd>{formatInr(quote.totals.taxablePaise)}</dd>
      </div>
      {taxed.map((rate) =>
        quote.supply === "intra_state" ? (
          <Fragment key={rate.rateBps}>
            <div className="flex justify-between">
              <dt>CGST {formatRate(rate.rateBps / 2)}</dt>
              <dd>{formatInr(rate.cgstPaise)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>SGST {formatRate(rate.rateBps / 2)}</dt>
              <dd>{formatInr(rate.sgstPaise)}</dd>
            </div>
          </Fragment>
        ) : (
          <div key={rate.rateBps} className="flex justify-between">
            <dt>IGST {formatRate(rate.rateBps)}</dt>
            <dd>{formatInr(rate.igstPaise)}</dd>
          </div>
        ),
      )}
      <div className="flex justify-between font-medium text-stone-800">
        <dt>GST included</dt>
        <dd>{formatInr(quote.totals.taxPaise)}</dd>
      </div>
    </dl>
  );
}
