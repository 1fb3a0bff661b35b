import { percentOff } from "@/lib/declarations";
import { formatInr } from "@/lib/money";

/**
 * The MRP beside the price, as Indian shops show it (shared/DESIGN.md §3.5): struck through when the price is lower,
 * with an sr-only "MRP" for screen readers. Nothing when the MRP is the price or not declared.
 */
export function Mrp({ pricePaise, mrpPaise }: { pricePaise: number; mrpPaise: number | null }) {
  if (mrpPaise === null || percentOff(pricePaise, mrpPaise) === 0) return null;
  return (
    <span data-price-atom className="inline-block whitespace-nowrap text-muted">
      MRP <s className="tabular-nums">{formatInr(mrpPaise, { style: "price" })}</s>
    </span>
  );
}

/**
 * Below the price: what the shopper saves on the MRP, and that the MRP is inclusive of all taxes, which rule 6(1) of
 * the Legal Metrology (Packaged Commodities) Rules asks of it ("MRP ₹729 · Inclusive of all taxes" when they are equal).
 */
export function MrpNote({ pricePaise, mrpPaise }: { pricePaise: number | null; mrpPaise: number | null }) {
  const off = pricePaise !== null && mrpPaise !== null ? percentOff(pricePaise, mrpPaise) : 0;
  return (
    <div className="text-sm">
      {off > 0 && (
        <p className="font-medium text-save tabular-nums">
          You save {formatInr(mrpPaise! - pricePaise!, { style: "price" })} ({off}% off)
        </p>
      )}
      <p className="text-muted">
        {mrpPaise !== null && off === 0 ? `MRP ${formatInr(mrpPaise, { style: "price" })} · ` : ""}Inclusive of all
        taxes
      </p>
    </div>
  );
}
