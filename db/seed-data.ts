import type { ProductOption } from "./schema/catalog";

interface SeedVariant {
  sku: string;
  values: string[];
  pricePaise: number;
  stock: number;
  /** One of the product's further photos (`photos`), shown first when this variant is chosen. */
  photo?: string;
}

interface SeedProductBase {
  slug: string;
  name: string;
  category: string;
  /** HSN code and GST rate (basis points) as a merchant would classify them; illustrative, not tax advice. */
  hsnCode: string;
  gstRateBps: number;
  featured?: boolean;
  description: string;
}

/** Sold as one thing (a price and a stock), or in variants the shopper chooses between. */
export type SeedProduct = SeedProductBase &
  (
    | { pricePaise: number; stock: number }
    | { options: ProductOption[]; variants: SeedVariant[]; photos: { name: string; alt: string }[] }
  );

/** A product's variants as seeded: a product without options is its one variant, its SKU the slug in capitals. */
export function seedVariantsOf(product: SeedProduct): SeedVariant[] {
  if ("variants" in product) return product.variants;
  return [{ sku: product.slug.toUpperCase(), values: [], pricePaise: product.pricePaise, stock: product.stock }];
}

/** The demo catalog: whole-rupee prices, as Indian shops set them, stock from plenty to low to sold out, two products in variants. */
export const seedProducts: SeedProduct[] = [
  {
    slug: "brass-masala-dabba",
    hsnCode: "7418",
    gstRateBps: 500,
    name: "Brass Masala Dabba",
    category: "Kitchen",
    pricePaise: 149_900,
    stock: 25,
    featured: true,
    description:
      "A hand-polished brass spice box with seven katoris and a tight lid, made by metalworkers in Moradabad.",
  },
  {
    slug: "cast-iron-tawa",
    hsnCode: "7323",
    gstRateBps: 500,
    name: "Cast Iron Tawa, 10 inch",
    category: "Kitchen",
    pricePaise: 124_900,
    stock: 40,
    description: "Pre-seasoned cast iron for rotis, dosas and parathas. Heats evenly and lasts a lifetime.",
  },
  {
    slug: "copper-water-bottle",
    hsnCode: "7418",
    gstRateBps: 500,
    name: "Copper Water Bottle, 1 L",
    category: "Kitchen",
    pricePaise: 89_900,
    stock: 3,
    featured: true,
    description:
      "Pure copper with a leak-proof cap and a hammered finish. Rinse with lemon and salt to keep it bright.",
  },
  {
    slug: "terracotta-kulhad-set",
    hsnCode: "6912",
    gstRateBps: 500,
    name: "Terracotta Kulhad, set of 6",
    category: "Kitchen",
    pricePaise: 34_900,
    stock: 60,
    description: "Wheel-thrown clay cups from Khurja for chai the way it tastes at a railway platform.",
  },
  {
    slug: "handloom-cotton-dhurrie",
    hsnCode: "5702",
    gstRateBps: 500,
    name: "Handloom Cotton Dhurrie, 4 × 6 ft",
    category: "Textiles",
    pricePaise: 279_900,
    stock: 8,
    featured: true,
    description: "A flat-woven rug from Panipat in indigo and ivory stripes. Reversible and machine washable.",
  },
  {
    slug: "block-print-bedsheet",
    hsnCode: "6302",
    gstRateBps: 500,
    name: "Block-Print Cotton Bedsheet",
    category: "Textiles",
    pricePaise: 189_900,
    stock: 15,
    description: "Double bedsheet with two pillow covers, hand block-printed in Sanganer with vegetable dyes.",
  },
  {
    slug: "kantha-stitch-throw",
    hsnCode: "6301",
    gstRateBps: 500,
    name: "Kantha Stitch Throw",
    category: "Textiles",
    pricePaise: 345_000,
    stock: 0,
    description: "Layers of soft cotton hand-quilted with running stitches by women artisans in West Bengal.",
  },
  {
    slug: "khadi-kitchen-towels",
    hsnCode: "6302",
    gstRateBps: 500,
    name: "Khadi Kitchen Towels, set of 3",
    category: "Textiles",
    pricePaise: 44_900,
    stock: 120,
    description: "Hand-spun, hand-woven khadi that gets softer and more absorbent with every wash.",
  },
  {
    slug: "darjeeling-first-flush",
    hsnCode: "0902",
    gstRateBps: 500,
    name: "Darjeeling First Flush Tea, 100 g",
    category: "Tea & Coffee",
    pricePaise: 69_500,
    stock: 50,
    featured: true,
    description: "Spring-plucked whole leaf from a single estate: bright, floral, with the famous muscatel note.",
  },
  {
    slug: "nilgiri-frost-tea",
    hsnCode: "0902",
    gstRateBps: 500,
    name: "Nilgiri Frost Tea, 100 g",
    category: "Tea & Coffee",
    pricePaise: 42_500,
    stock: 2,
    description: "Winter-harvested leaf from the Blue Mountains, brisk and fragrant. Great with or without milk.",
  },
  {
    slug: "coorg-filter-coffee",
    hsnCode: "0901",
    gstRateBps: 500,
    name: "Coorg Filter Coffee",
    category: "Tea & Coffee",
    description:
      "Medium roast with 20% chicory for a South Indian filter: strong, smooth, chocolatey. Ground to order, or whole bean.",
    options: [
      { name: "Weight", values: ["250 g", "500 g"] },
      { name: "Grind", values: ["Filter", "Whole bean", "Espresso"] },
    ],
    photos: [
      { name: "coorg-filter-coffee-whole-bean", alt: "Whole roasted coffee beans in a paper bag" },
      { name: "coorg-filter-coffee-espresso", alt: "Finely ground espresso coffee beside a cup" },
    ],
    variants: [
      { sku: "COORG-250-FLT", values: ["250 g", "Filter"], pricePaise: 38_900, stock: 75 },
      {
        sku: "COORG-250-WB",
        values: ["250 g", "Whole bean"],
        pricePaise: 38_900,
        stock: 20,
        photo: "coorg-filter-coffee-whole-bean",
      },
      {
        sku: "COORG-250-ESP",
        values: ["250 g", "Espresso"],
        pricePaise: 39_900,
        stock: 0,
        photo: "coorg-filter-coffee-espresso",
      },
      { sku: "COORG-500-FLT", values: ["500 g", "Filter"], pricePaise: 72_900, stock: 30 },
      {
        sku: "COORG-500-WB",
        values: ["500 g", "Whole bean"],
        pricePaise: 72_900,
        stock: 10,
        photo: "coorg-filter-coffee-whole-bean",
      },
      {
        sku: "COORG-500-ESP",
        values: ["500 g", "Espresso"],
        pricePaise: 74_900,
        stock: 5,
        photo: "coorg-filter-coffee-espresso",
      },
    ],
  },
  {
    slug: "masala-chai-blend",
    hsnCode: "0902",
    gstRateBps: 500,
    name: "Masala Chai Blend",
    category: "Tea & Coffee",
    options: [{ name: "Weight", values: ["200 g", "500 g"] }],
    photos: [],
    variants: [
      { sku: "MASALA-CHAI-200", values: ["200 g"], pricePaise: 29_900, stock: 90 },
      { sku: "MASALA-CHAI-500", values: ["500 g"], pricePaise: 64_900, stock: 30 },
    ],
    description: "Assam CTC with cardamom, ginger, cinnamon, clove and black pepper. Just add milk and sugar.",
  },
  {
    slug: "handmade-paper-journal",
    hsnCode: "4820",
    gstRateBps: 1800,
    name: "Handmade Paper Journal",
    category: "Stationery",
    pricePaise: 54_900,
    stock: 35,
    description:
      "A5, 160 pages of cotton-rag paper from Sanganer, bound in hand-printed covers. Takes ink beautifully.",
  },
  {
    slug: "brass-bookmark-set",
    hsnCode: "8306",
    gstRateBps: 1800,
    name: "Brass Bookmark Set",
    category: "Stationery",
    pricePaise: 27_500,
    stock: 4,
    description: "Three etched brass bookmarks with peacock, lotus and elephant motifs, in a cloth pouch.",
  },
];

/**
 * What each demo product declares under the Legal Metrology (Packaged Commodities) Rules 2011 (lib/declarations.ts):
 * made-up makers at plausible addresses, all made in India. Packs by SKU: the net quantity, and the MRP where it is
 * above the price (otherwise the MRP is the price). Kept beside the catalog, not in it, so prices can change alone.
 */
interface SeedDeclaration {
  genericName: string;
  makerRole: "manufacturer" | "packer" | "marketer" | "importer";
  makerName: string;
  makerAddress: string;
  /** Food: its best-before period (and the product is flagged as food). */
  bestBefore?: string;
  packs: Record<string, { netQuantity: [number, string]; mrpPaise?: number }>;
}

const MORADABAD = "Plot 14, Lakri Fazalpur Industrial Area, Moradabad, Uttar Pradesh 244001";
const SANGANER = "45 Sanganer Industrial Area, Jaipur, Rajasthan 302029";
const KAVERI = "12 Residency Road, Bengaluru, Karnataka 560025";

export const seedDeclarations: Record<string, SeedDeclaration> = {
  "brass-masala-dabba": {
    genericName: "Brass spice box with seven bowls and lid",
    makerRole: "manufacturer",
    makerName: "Moradabad Metal Crafts",
    makerAddress: MORADABAD,
    packs: { "BRASS-MASALA-DABBA": { netQuantity: [1, "N"], mrpPaise: 199_900 } },
  },
  "cast-iron-tawa": {
    genericName: "Cast iron griddle (tawa), 25 cm",
    makerRole: "manufacturer",
    makerName: "Coimbatore Castings",
    makerAddress: "SF 112, Ganapathy Industrial Estate, Coimbatore, Tamil Nadu 641006",
    packs: { "CAST-IRON-TAWA": { netQuantity: [1, "N"], mrpPaise: 149_900 } },
  },
  "copper-water-bottle": {
    genericName: "Copper water bottle, 1 litre capacity",
    makerRole: "manufacturer",
    makerName: "Jaipur Tamba Udyog",
    makerAddress: "B-27, Sitapura Industrial Area, Jaipur, Rajasthan 302022",
    packs: { "COPPER-WATER-BOTTLE": { netQuantity: [1, "N"], mrpPaise: 119_900 } },
  },
  "terracotta-kulhad-set": {
    genericName: "Terracotta cups (kulhad), 150 ml each",
    makerRole: "manufacturer",
    makerName: "Khurja Pottery Works",
    makerAddress: "Bulandshahr Road, Khurja, Uttar Pradesh 203131",
    packs: { "TERRACOTTA-KULHAD-SET": { netQuantity: [6, "N"], mrpPaise: 39_900 } },
  },
  "handloom-cotton-dhurrie": {
    genericName: "Cotton floor rug (dhurrie), 120 × 180 cm",
    makerRole: "manufacturer",
    makerName: "Panipat Handloom Weavers",
    makerAddress: "221 Industrial Area, Sector 29, Panipat, Haryana 132103",
    packs: { "HANDLOOM-COTTON-DHURRIE": { netQuantity: [1, "N"], mrpPaise: 349_900 } },
  },
  "block-print-bedsheet": {
    genericName: "Cotton double bedsheet, 228 × 254 cm, with two pillow covers",
    makerRole: "manufacturer",
    makerName: "Sanganer Print House",
    makerAddress: SANGANER,
    packs: { "BLOCK-PRINT-BEDSHEET": { netQuantity: [3, "N"], mrpPaise: 249_900 } },
  },
  "kantha-stitch-throw": {
    genericName: "Cotton quilted throw, 130 × 180 cm",
    makerRole: "manufacturer",
    makerName: "Bolpur Kantha Co-operative",
    makerAddress: "Shantiniketan Road, Bolpur, Birbhum, West Bengal 731204",
    packs: { "KANTHA-STITCH-THROW": { netQuantity: [1, "N"] } },
  },
  "khadi-kitchen-towels": {
    genericName: "Cotton khadi kitchen towels, 50 × 70 cm",
    makerRole: "marketer",
    makerName: "Kaveri and Company",
    makerAddress: KAVERI,
    packs: { "KHADI-KITCHEN-TOWELS": { netQuantity: [3, "N"], mrpPaise: 49_900 } },
  },
  "darjeeling-first-flush": {
    genericName: "Darjeeling black tea (whole leaf)",
    makerRole: "packer",
    makerName: "Kurseong Tea Packers",
    makerAddress: "Hill Cart Road, Kurseong, Darjeeling, West Bengal 734203",
    bestBefore: "18 months from the date of packing",
    packs: { "DARJEELING-FIRST-FLUSH": { netQuantity: [100, "g"], mrpPaise: 79_500 } },
  },
  "nilgiri-frost-tea": {
    genericName: "Nilgiri black tea (leaf)",
    makerRole: "packer",
    makerName: "Coonoor Tea Packers",
    makerAddress: "Bedford, Coonoor, The Nilgiris, Tamil Nadu 643101",
    bestBefore: "18 months from the date of packing",
    packs: { "NILGIRI-FROST-TEA": { netQuantity: [100, "g"] } },
  },
  "coorg-filter-coffee": {
    genericName: "Roasted coffee with chicory (80:20)",
    makerRole: "manufacturer",
    makerName: "Kodagu Coffee Curing Works",
    makerAddress: "KIADB Industrial Area, Kushalnagar, Kodagu, Karnataka 571234",
    bestBefore: "6 months from the date of packing",
    packs: {
      "COORG-250-FLT": { netQuantity: [250, "g"], mrpPaise: 44_900 },
      "COORG-250-WB": { netQuantity: [250, "g"], mrpPaise: 44_900 },
      "COORG-250-ESP": { netQuantity: [250, "g"], mrpPaise: 44_900 },
      "COORG-500-FLT": { netQuantity: [500, "g"], mrpPaise: 84_900 },
      "COORG-500-WB": { netQuantity: [500, "g"], mrpPaise: 84_900 },
      "COORG-500-ESP": { netQuantity: [500, "g"], mrpPaise: 84_900 },
    },
  },
  "masala-chai-blend": {
    genericName: "Black tea (CTC) with spices",
    makerRole: "marketer",
    makerName: "Kaveri and Company",
    makerAddress: KAVERI,
    bestBefore: "12 months from the date of packing",
    packs: {
      "MASALA-CHAI-200": { netQuantity: [200, "g"], mrpPaise: 34_900 },
      "MASALA-CHAI-500": { netQuantity: [500, "g"], mrpPaise: 74_900 },
    },
  },
  "handmade-paper-journal": {
    genericName: "Handmade paper notebook, A5, 160 pages",
    makerRole: "manufacturer",
    makerName: "Sanganer Paper Mills",
    makerAddress: SANGANER,
    packs: { "HANDMADE-PAPER-JOURNAL": { netQuantity: [1, "N"], mrpPaise: 64_900 } },
  },
  "brass-bookmark-set": {
    genericName: "Brass bookmarks",
    makerRole: "manufacturer",
    makerName: "Moradabad Metal Crafts",
    makerAddress: MORADABAD,
    packs: { "BRASS-BOOKMARK-SET": { netQuantity: [3, "N"] } },
  },
};

export const productImagePath = (slug: string) => `/products/${slug}.svg`;

/**
 * The local accounts README names, for laptops only (never created in production). Their passwords are public
 * (README, lib/auth/dev-admin.ts); the hashes are precomputed so seeding needs nothing from lib/.
 */
export const devAdminAccounts = [
  {
    email: "owner@kaveri.local",
    name: "Local Owner",
    role: "owner",
    refundLimitPaise: null,
    passwordHash: "scrypt$131072$8$1$9Au95qEomMeySqGY4Icldg$cZSFazxUpTROBkAIEGeXU37CFgrSul808QLIkv7bMuU",
  },
  {
    email: "staff@kaveri.local",
    name: "Local Staff",
    role: "staff",
    refundLimitPaise: 500_000,
    passwordHash: "scrypt$131072$8$1$saYFKKg_cFgHZpWZdHrGJA$O_zChLbzH4UXAcivQB09VjRQOYYI89S_CwBA3vr3Sog",
  },
] as const;

/** The pages Cashfree looks for before it activates a merchant account, with sensible text for the demo store. */
export const seedPolicies = [
  {
    slug: "terms",
    title: "Terms and conditions",
    body: `These terms apply to every order placed at Kaveri & Co. (kaveri.example), run by Kaveri Crafts Private Limited, 12 Residency Road, Bengaluru, Karnataka 560025.

## Orders and prices

- Prices are in Indian rupees and include GST. The price you pay is the one shown at checkout.
- An order is accepted when your payment is confirmed; we e-mail you the confirmation.
- We may cancel an order we cannot fulfil; you are then refunded in full.

## Payments

Payments are processed by Cashfree Payments. We never see or store your card or UPI details.

## Governing law

These terms are governed by the laws of India; the courts of Bengaluru have jurisdiction.`,
  },
  {
    slug: "privacy",
    title: "Privacy policy",
    body: `We collect only what we need to deliver your order: your name, e-mail, phone number and shipping address.

- We use them to process, ship and support your order, and to send you e-mails about it.
- Payment details are handled by Cashfree Payments, not by us.
- We do not sell your data. We share it only with our payment provider and our courier, for your order.
- Ask us to see, correct or delete your data at **privacy@kaveri.example**.`,
  },
  {
    slug: "refunds",
    title: "Refund and cancellation policy",
    body: `## Cancellation

You can cancel an order until it ships: write to **orders@kaveri.example** with your order number. We refund the full amount.

## Returns and refunds

- Items that arrive damaged or wrong can be returned within 7 days of delivery.
- Refunds go back to the original payment method within 5–7 working days of our approving them.
- Handmade items vary slightly; such variation is not a defect.`,
  },
  {
    slug: "shipping",
    title: "Shipping and delivery policy",
    body: `- We ship across India with Delhivery, Blue Dart and India Post.
- Orders are dispatched within 2 working days of payment; delivery takes 3–7 working days.
- Shipping is free on orders of ₹999 and above; otherwise ₹79.
- You receive the courier's tracking number by e-mail when your order ships.`,
  },
  {
    slug: "contact",
    title: "Contact us",
    body: `**Kaveri Crafts Private Limited**\\
12 Residency Road, Bengaluru, Karnataka 560025

- Phone: +91 80 4000 1234 (Monday to Saturday, 10:00–18:00)
- E-mail: **orders@kaveri.example**

## Grievance officer

Meera Iyer, grievance@kaveri.example, at the address above. We acknowledge complaints within 48 hours and resolve them within 30 days.`,
  },
] as const;
