import { formatNetQuantity, formatUnitSalePrice, MAKER_ROLE_LABELS, type NetQuantity } from "@/lib/declarations";
import { formatInr } from "@/lib/money";
import type { ProductDetail } from "@/lib/products";
import { getSetting } from "@/lib/settings";

interface Pack {
  key: string;
  netQuantity: NetQuantity | null;
  mrpPaise: number | null;
}

/** The variants' distinct packs (net quantity and MRP), in the owner's order: a grind does not make a new pack. */
function packsOf(product: ProductDetail): Pack[] {
  const packs = new Map<string, Pack>();
  for (const variant of product.variants) {
    const key = JSON.stringify([variant.netQuantity, variant.mrpPaise]);
    if (!packs.has(key)) packs.set(key, { key, netQuantity: variant.netQuantity, mrpPaise: variant.mrpPaise });
  }
  return [...packs.values()];
}

/** "250 g · MRP ₹449.00 (₹1.80 per g)"; the unit sale price is the MRP's, as on the pack (rule 6(11)). */
function packLine({ netQuantity, mrpPaise }: Pack) {
  const unitPrice = netQuantity && mrpPaise !== null ? formatUnitSalePrice(mrpPaise, netQuantity) : null;
  return [
    netQuantity && formatNetQuantity(netQuantity),
    mrpPaise !== null && `MRP ${formatInr(mrpPaise, { style: "price" })}${unitPrice ? ` (${unitPrice})` : ""}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

const row = "grid gap-0.5 py-2 sm:grid-cols-[11rem_1fr] sm:gap-4";
const term = "text-stone-600";

/**
 * The declarations the Legal Metrology (Packaged Commodities) Rules 2011 (rule 6(10): those of rule 6(1) but the
 * month and year of packing) and the Consumer Protection (E-Commerce) Rules 2020 (rule 7) ask a product page to
 * show: always open, never behind a click (lib/declarations.ts). Returns and delivery are the page's disclosure below.
 */
export async function ProductDeclarations({ product }: { product: ProductDetail }) {
  const care = await getSetting("customer_care");
  const { declarations: d } = product;
  const packs = packsOf(product).filter((pack) => pack.netQuantity || pack.mrpPaise !== null);
  return (
    <section aria-labelledby="declarations-heading" className="border-t border-stone-200 pt-4">
      <h2 id="declarations-heading" className="text-lg font-semibold">
        Product information
      </h2>
      <dl className="mt-2 divide-y divide-stone-100 text-sm">
        {d.genericName && (
          <div className={row}>
            <dt className={term}>Generic name</dt>
            <dd>{d.genericName}</dd>
          </div>
        )}
        {packs.length > 0 && (
          <div className={row}>
            <dt className={term}>Net quantity and MRP</dt>
            <dd>
              {packs.length === 1 ? (
                packLine(packs[0]!)
              ) : (
                <ul className="space-y-0.5">
                  {packs.map((pack) => (
                    <li key={pack.key}>{packLine(pack)}</li>
                  ))}
                </ul>
              )}
              <span className="block text-stone-600">MRP inclusive of all taxes</span>
            </dd>
          </div>
        )}
        {d.countryOfOrigin && (
          <div className={row}>
            <dt className={term}>Country of origin</dt>
            <dd>{d.countryOfOrigin}</dd>
          </div>
        )}
        {d.makerRole && d.makerName && (
          <div className={row}>
            <dt className={term}>{MAKER_ROLE_LABELS[d.makerRole]}</dt>
            <dd>
              {d.makerName}
              {d.makerAddress && <span className="block text-stone-600">{d.makerAddress}</span>}
            </dd>
          </div>
        )}
        {d.food && d.bestBefore && (
          <div className={row}>
            <dt className={term}>Best before</dt>
            <dd>
              {d.bestBefore}
              <span className="block text-stone-600">The date of packing is printed on the pack.</span>
            </dd>
          </div>
        )}
        <div className={row}>
          <dt className={term}>Customer care</dt>
          <dd>
            {care.name}
            <span className="block text-stone-600">{care.address}</span>
            <span className="block">
              <a href={`tel:${care.phone.replace(/[\s-]/g, "")}`} className="underline hover:text-brand-700">
                {care.phone}
              </a>{" "}
              ·{" "}
              <a href={`mailto:${care.email}`} className="underline hover:text-brand-700">
                {care.email}
              </a>
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
