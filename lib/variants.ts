/**
 * Variants, as shoppers and documents name them. Pure: the product page's picker (a client component), the cart,
 * orders and the admin share these.
 */

import type { ProductOption } from "@/db/schema/catalog";

export type { ProductOption };

/** "250 g · Filter"; empty for a product without options. */
export function variantTitle(optionValues: readonly string[]) {
  return optionValues.join(" · ");
}

/** The name a cart line, order item and invoice carry: "Coorg Filter Coffee, 250 g · Filter". */
export function variantName(productName: string, optionValues: readonly string[]) {
  return optionValues.length ? `${productName}, ${variantTitle(optionValues)}` : productName;
}

/** Every combination of the options' values, in the options' order (the first option varies slowest). */
export function combinations(options: readonly ProductOption[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value])),
    [[]],
  );
}

export const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

interface Choosable {
  optionValues: string[];
  stock: number;
}

/**
 * Whether a value of one option can be chosen with the shopper's other choices: there is a variant with that
 * combination and it is in stock. Sold-out and missing combinations are shown, and cannot be chosen.
 */
export function canChoose<V extends Choosable>(
  variants: readonly V[],
  chosen: readonly string[],
  option: number,
  value: string,
) {
  const wanted = chosen.map((current, i) => (i === option ? value : current));
  const variant = variants.find((v) => sameValues(v.optionValues, wanted));
  return !!variant && variant.stock > 0;
}

/** The variant for a choice of values, if the product sells that combination. */
export function variantFor<V extends Choosable>(variants: readonly V[], chosen: readonly string[]) {
  return variants.find((v) => sameValues(v.optionValues, chosen));
}

/** The product page with this variant chosen: the address a shopper shares. */
export function variantHref(slug: string, variant: { sku: string; optionValues: readonly string[] }) {
  const page = `/products/${slug}`;
  return variant.optionValues.length ? `${page}?variant=${encodeURIComponent(variant.sku)}` : page;
}
