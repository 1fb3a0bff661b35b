export interface SeedProduct {
  slug: string;
  name: string;
  category: string;
  pricePaise: number;
  stock: number;
  featured?: boolean;
  description: string;
}

/** The demo catalog: INR prices with paise, stock from plenty to low to sold out. */
export const seedProducts: SeedProduct[] = [
  {
    slug: "brass-masala-dabba",
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
    name: "Cast Iron Tawa, 10 inch",
    category: "Kitchen",
    pricePaise: 124_950,
    stock: 40,
    description: "Pre-seasoned cast iron for rotis, dosas and parathas. Heats evenly and lasts a lifetime.",
  },
  {
    slug: "copper-water-bottle",
    name: "Copper Water Bottle, 1 L",
    category: "Kitchen",
    pricePaise: 89_999,
    stock: 3,
    featured: true,
    description:
      "Pure copper with a leak-proof cap and a hammered finish. Rinse with lemon and salt to keep it bright.",
  },
  {
    slug: "terracotta-kulhad-set",
    name: "Terracotta Kulhad, set of 6",
    category: "Kitchen",
    pricePaise: 34_900,
    stock: 60,
    description: "Wheel-thrown clay cups from Khurja for chai the way it tastes at a railway platform.",
  },
  {
    slug: "handloom-cotton-dhurrie",
    name: "Handloom Cotton Dhurrie, 4 × 6 ft",
    category: "Textiles",
    pricePaise: 279_900,
    stock: 8,
    featured: true,
    description: "A flat-woven rug from Panipat in indigo and ivory stripes. Reversible and machine washable.",
  },
  {
    slug: "block-print-bedsheet",
    name: "Block-Print Cotton Bedsheet",
    category: "Textiles",
    pricePaise: 189_975,
    stock: 15,
    description: "Double bedsheet with two pillow covers, hand block-printed in Sanganer with vegetable dyes.",
  },
  {
    slug: "kantha-stitch-throw",
    name: "Kantha Stitch Throw",
    category: "Textiles",
    pricePaise: 345_000,
    stock: 0,
    description: "Layers of soft cotton hand-quilted with running stitches by women artisans in West Bengal.",
  },
  {
    slug: "khadi-kitchen-towels",
    name: "Khadi Kitchen Towels, set of 3",
    category: "Textiles",
    pricePaise: 44_950,
    stock: 120,
    description: "Hand-spun, hand-woven khadi that gets softer and more absorbent with every wash.",
  },
  {
    slug: "darjeeling-first-flush",
    name: "Darjeeling First Flush Tea, 100 g",
    category: "Tea & Coffee",
    pricePaise: 69_500,
    stock: 50,
    featured: true,
    description: "Spring-plucked whole leaf from a single estate: bright, floral, with the famous muscatel note.",
  },
  {
    slug: "nilgiri-frost-tea",
    name: "Nilgiri Frost Tea, 100 g",
    category: "Tea & Coffee",
    pricePaise: 42_525,
    stock: 2,
    description: "Winter-harvested leaf from the Blue Mountains, brisk and fragrant. Great with or without milk.",
  },
  {
    slug: "coorg-filter-coffee",
    name: "Coorg Filter Coffee, 250 g",
    category: "Tea & Coffee",
    pricePaise: 38_900,
    stock: 75,
    description: "Medium roast with 20% chicory, ground for a South Indian filter. Strong, smooth, chocolatey.",
  },
  {
    slug: "masala-chai-blend",
    name: "Masala Chai Blend, 200 g",
    category: "Tea & Coffee",
    pricePaise: 29_999,
    stock: 90,
    description: "Assam CTC with cardamom, ginger, cinnamon, clove and black pepper. Just add milk and sugar.",
  },
  {
    slug: "handmade-paper-journal",
    name: "Handmade Paper Journal",
    category: "Stationery",
    pricePaise: 54_900,
    stock: 35,
    description:
      "A5, 160 pages of cotton-rag paper from Sanganer, bound in hand-printed covers. Takes ink beautifully.",
  },
  {
    slug: "brass-bookmark-set",
    name: "Brass Bookmark Set",
    category: "Stationery",
    pricePaise: 27_550,
    stock: 4,
    description: "Three etched brass bookmarks with peacock, lotus and elephant motifs, in a cloth pouch.",
  },
];

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
