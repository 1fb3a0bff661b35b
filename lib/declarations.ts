/**
 * The declarations Indian law asks a product page to show, and the checks the product admin makes. Pure: the admin's
 * actions, the product page and the JSON-LD share it.
 *
 * - Legal Metrology (Packaged Commodities) Rules 2011, rule 6(10) (G.S.R. 629(E), 23 Jun 2017, in force 1 Jan 2018):
 *   an e-commerce entity displays the rule 6(1) declarations of a pre-packaged commodity, except the month and year
 *   of manufacture or packing. Rule 6(1): maker's name and address (packer's too if another; importer's for an
 *   import), country of origin (imports), common or generic name, net quantity in standard units or by number,
 *   best-before or use-by for goods that become unfit for consumption, retail sale price as "MRP inclusive of all
 *   taxes", and the consumer-care contact. https://lmd.kerala.gov.in/?p=804
 * - Rule 6(11) (G.S.R. 226(E), 28 Mar 2022): the unit sale price, rounded to two decimals, per g below 1 kg and per
 *   kg above (ml/L, cm/m likewise), per unit when sold by number; not when it equals the retail sale price.
 *   http://worldtradescanner.com/Legal%20Metrology%20(Packaged%20Commodities)%20Amendment%20Rules,%202022.htm
 * - Consumer Protection (E-Commerce) Rules 2020 (G.S.R. 462(E)), rule 7: an inventory e-commerce entity shows the
 *   country of origin and the details a shopper needs before buying. http://egazette.nic.in/WriteReadData/2020/220661.pdf
 */
import { formatInr } from "@/lib/money";
import { rupeeAmount } from "@/lib/schemas";
import { z } from "@/lib/zod";

const LM_RULE = "Legal Metrology (Packaged Commodities) Rules, rule 6(1)";
const CP_RULE = "Consumer Protection (E-Commerce) Rules 2020, rule 7";

/** Standard units of weight, volume and length, and N for goods sold by number (rule 6(1)). */
export const NET_QUANTITY_UNITS = ["g", "kg", "mg", "ml", "L", "cm", "m", "N"] as const;
export type NetQuantityUnit = (typeof NET_QUANTITY_UNITS)[number];

type Dimension = "mass" | "volume" | "length" | "count";

/**
 * Each unit's dimension, its size in the dimension's small unit (g, ml, cm, piece), and its UN/CEFACT common code
 * (schema.org QuantitativeValue.unitCode).
 */
const UNITS: Record<NetQuantityUnit, { dimension: Dimension; inSmall: number; unitCode: string; label: string }> = {
  mg: { dimension: "mass", inSmall: 0.001, unitCode: "MGM", label: "mg" },
  g: { dimension: "mass", inSmall: 1, unitCode: "GRM", label: "g" },
  kg: { dimension: "mass", inSmall: 1000, unitCode: "KGM", label: "kg" },
  ml: { dimension: "volume", inSmall: 1, unitCode: "MLT", label: "ml" },
  L: { dimension: "volume", inSmall: 1000, unitCode: "LTR", label: "L" },
  cm: { dimension: "length", inSmall: 1, unitCode: "CMT", label: "cm" },
  m: { dimension: "length", inSmall: 100, unitCode: "MTR", label: "m" },
  N: { dimension: "count", inSmall: 1, unitCode: "H87", label: "N (pieces)" },
};

/** Rule 6(11): below the threshold (in the small unit) per small unit, above it per large unit. */
const UNIT_PRICE_STEPS: Record<Dimension, { threshold: number; small: string; large: string }> = {
  mass: { threshold: 1000, small: "g", large: "kg" },
  volume: { threshold: 1000, small: "ml", large: "L" },
  length: { threshold: 100, small: "cm", large: "m" },
  count: { threshold: Infinity, small: "unit", large: "unit" },
};

export const unitLabel = (unit: NetQuantityUnit) => UNITS[unit].label;
export const unitCode = (unit: NetQuantityUnit) => UNITS[unit].unitCode;

export interface NetQuantity {
  value: number;
  unit: NetQuantityUnit;
}

/** A variant's net quantity from its two columns (a check keeps them both set or both empty). */
export function netQuantityOf(row: { netQuantity: number | null; netQuantityUnit: string | null }): NetQuantity | null {
  return row.netQuantity === null || row.netQuantityUnit === null
    ? null
    : { value: row.netQuantity, unit: row.netQuantityUnit as NetQuantityUnit };
}

/** "250 g", "1.5 L", "6 N". */
export function formatNetQuantity({ value, unit }: NetQuantity) {
  return `${value.toLocaleString("en-IN", { maximumFractionDigits: 3 })} ${unit}`;
}

/**
 * The unit sale price rule 6(11) asks for, in paise rounded to the nearest paisa, and what it is per; null when it
 * equals the retail sale price (a 1 kg or single-piece pack), where the rule does not ask for one.
 */
export function unitSalePrice(pricePaise: number, quantity: NetQuantity) {
  const { dimension, inSmall } = UNITS[quantity.unit];
  const step = UNIT_PRICE_STEPS[dimension];
  const small = quantity.value * inSmall;
  // Exactly 1 kg (1 L, 1 m) is its own price per kg: the rule asks for nothing.
  if (Math.abs(small - step.threshold) < 1e-9) return null;
  const perLarge = small > step.threshold;
  const units = perLarge ? small / step.threshold : small;
  if (Math.abs(units - 1) < 1e-9) return null;
  return { paise: Math.round(pricePaise / units), per: perLarge ? step.large : step.small };
}

/** "₹1.56 per g". */
export function formatUnitSalePrice(pricePaise: number, quantity: NetQuantity) {
  const unitPrice = unitSalePrice(pricePaise, quantity);
  return unitPrice && `${formatInr(unitPrice.paise)} per ${unitPrice.per}`;
}

/** Whole percent off the MRP, rounded down (never overstated); 0 when sold at MRP. */
export function percentOff(pricePaise: number, mrpPaise: number) {
  return mrpPaise > pricePaise ? Math.floor(((mrpPaise - pricePaise) * 100) / mrpPaise) : 0;
}

/** Who the declared name and address belong to; an import declares its importer (rule 6(1)). */
export const MAKER_ROLES = ["manufacturer", "packer", "marketer", "importer"] as const;
export type MakerRole = (typeof MAKER_ROLES)[number];

export const MAKER_ROLE_LABELS: Record<MakerRole, string> = {
  manufacturer: "Manufactured by",
  packer: "Packed by",
  marketer: "Marketed by",
  importer: "Imported by",
};

/** A product's own declarations (pack size and MRP are each variant's). */
export interface ProductDeclarations {
  prepackaged: boolean;
  food: boolean;
  genericName: string | null;
  countryOfOrigin: string | null;
  makerRole: MakerRole | null;
  makerName: string | null;
  makerAddress: string | null;
  bestBefore: string | null;
}

/** A variant's pack: what it sells for, its MRP and its net quantity. */
export interface VariantPack {
  pricePaise: number;
  mrpPaise: number | null;
  netQuantity: NetQuantity | null;
}

/** A product row's declarations (its maker role is one of MAKER_ROLES: a check constraint keeps it so). */
export function declarationsOf(row: {
  prepackaged: boolean;
  food: boolean;
  genericName: string | null;
  countryOfOrigin: string | null;
  makerRole: string | null;
  makerName: string | null;
  makerAddress: string | null;
  bestBefore: string | null;
}): ProductDeclarations {
  const { prepackaged, food, genericName, countryOfOrigin, makerName, makerAddress, bestBefore } = row;
  const makerRole = row.makerRole as MakerRole | null;
  return { prepackaged, food, genericName, countryOfOrigin, makerRole, makerName, makerAddress, bestBefore };
}

const isIndia = (country: string) => /^(india|bharat)$/i.test(country.trim());

/** Empty text is "not given". */
const blankAsNull = z
  .string()
  .trim()
  .transform((v) => v || null);

const optionalText = (max: number, label: string) =>
  blankAsNull.pipe(z.string().max(max, `The ${label} is at most ${max} characters.`).nullable());

/** The product's declarations as the details form sends them (text fields, "" when empty). */
export const productDeclarationsSchema = z.object({
  prepackaged: z.boolean(),
  food: z.boolean(),
  genericName: optionalText(120, "generic name"),
  countryOfOrigin: optionalText(60, "country of origin"),
  makerRole: blankAsNull.pipe(z.enum(MAKER_ROLES, "Choose manufacturer, packer, marketer or importer.").nullable()),
  makerName: optionalText(120, "name"),
  makerAddress: optionalText(300, "address"),
  bestBefore: optionalText(120, "best-before period"),
});

/** A refused or missing declaration: the field, the message beside it, and its short name when it is missing. */
export interface DeclarationIssue {
  path: string;
  message: string;
  missing?: string;
}

/**
 * What a pre-packaged product lacks or gets wrong, as the messages the admin shows beside each field. Not
 * pre-packaged (packed in front of the buyer, or sold loose: the Act's s.2(l)): nothing is required.
 */
export function productDeclarationIssues(product: ProductDeclarations): DeclarationIssue[] {
  if (!product.prepackaged) return [];
  const issues: DeclarationIssue[] = [];
  const need = (path: string, missing: string, absent: boolean, message: string) => {
    if (absent) issues.push({ path, message, missing });
  };
  need("genericName", "generic name", !product.genericName, `Give the common or generic name (${LM_RULE}).`);
  need(
    "countryOfOrigin",
    "country of origin",
    !product.countryOfOrigin,
    `Give the country of origin (${CP_RULE}; ${LM_RULE} for imports).`,
  );
  need("makerRole", "maker", !product.makerRole, `Say who made, packed, marketed or imported it (${LM_RULE}).`);
  need("makerName", "maker", !product.makerName, `Give the manufacturer's, packer's or importer's name (${LM_RULE}).`);
  need("makerAddress", "maker's address", !product.makerAddress, `Give their complete address (${LM_RULE}).`);
  const imported = !!product.countryOfOrigin && !isIndia(product.countryOfOrigin);
  if (imported && product.makerRole && product.makerRole !== "importer")
    issues.push({
      path: "makerRole",
      message: `An imported product declares its importer's name and address (${LM_RULE}).`,
    });
  need(
    "bestBefore",
    "best before",
    product.food && !product.bestBefore,
    `Food declares its best-before or use-by period (${LM_RULE}).`,
  );
  return issues;
}

/** What a variant's pack lacks or gets wrong; a price above the MRP is refused whether or not it is pre-packaged. */
export function variantPackIssues(pack: VariantPack, prepackaged: boolean): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  if (pack.mrpPaise !== null && pack.mrpPaise < pack.pricePaise)
    issues.push({
      path: "mrp",
      message: `The price cannot be above the MRP of ${formatInr(pack.mrpPaise)}: it is the maximum retail price, inclusive of all taxes (${LM_RULE}).`,
    });
  if (prepackaged && pack.mrpPaise === null)
    issues.push({ path: "mrp", missing: "MRP", message: `Give the MRP, inclusive of all taxes (${LM_RULE}).` });
  if (prepackaged && !pack.netQuantity)
    issues.push({
      path: "netQuantity",
      missing: "net quantity",
      message: `Give the net quantity, e.g. 250 g or 1 N (${LM_RULE}).`,
    });
  return issues;
}

/** The declarations a product page lacks, by short name, for the admin's "missing declarations" warnings. */
export function missingDeclarations(product: ProductDeclarations, packs: VariantPack[]) {
  const issues = [
    ...productDeclarationIssues(product),
    ...packs.flatMap((pack) => variantPackIssues(pack, product.prepackaged)),
  ];
  return [...new Set(issues.flatMap((issue) => (issue.missing ? [issue.missing] : [])))];
}

/** A variant's MRP and net quantity as typed in the admin ("" when not given). */
export const variantPackFields = {
  mrp: blankAsNull.pipe(rupeeAmount({ label: "MRP", example: "499 or 499.50" }).nullable()),
  netQuantity: blankAsNull.pipe(
    z
      .string()
      .regex(/^\d{1,9}(\.\d{1,3})?$/, "Enter the net quantity as a number, e.g. 250 or 1.5.")
      .transform(Number)
      .refine((n) => n > 0, "The net quantity is more than zero.")
      .nullable(),
  ),
  netQuantityUnit: z.enum(NET_QUANTITY_UNITS, "Choose a unit: g, kg, mg, ml, L, cm, m or N."),
};

/** The pack fields of a form as a VariantPack's MRP and net quantity. */
export const packOf = (fields: {
  mrp: number | null;
  netQuantity: number | null;
  netQuantityUnit: NetQuantityUnit;
}) => ({
  mrpPaise: fields.mrp,
  netQuantity: fields.netQuantity === null ? null : { value: fields.netQuantity, unit: fields.netQuantityUnit },
});
