// Draws the demo catalog's product images as small local SVGs (no remote images, no binaries in git).
// Run with `npx tsx scripts/generate-product-images.ts`; the output in public/products is committed.
import { writeFileSync } from "node:fs";

import { seedProducts } from "../db/seed-data";

const palettes: Record<string, [string, string, string]> = {
  Kitchen: ["#fbe3c4", "#f4c48f", "#a0521d"],
  Textiles: ["#dbe7f3", "#a9c4e4", "#27457a"],
  "Tea & Coffee": ["#e3efd9", "#b9d6a0", "#3f6b2a"],
  Stationery: ["#f3e1ea", "#e2b3c9", "#7a2f55"],
};

const motifs: Record<string, (fg: string, mid: string) => string> = {
  "brass-masala-dabba": (fg, mid) =>
    `<ellipse cx="200" cy="250" rx="120" ry="38" fill="${fg}"/><rect x="80" y="170" width="240" height="80" fill="${mid}" stroke="${fg}" stroke-width="6"/><ellipse cx="200" cy="170" rx="120" ry="38" fill="#f6d58a" stroke="${fg}" stroke-width="6"/>${[0, 1, 2, 3, 4, 5].map((i) => `<circle cx="${140 + (i % 3) * 60}" cy="${160 + Math.floor(i / 3) * 22}" r="14" fill="${["#d9480f", "#f59f00", "#2b8a3e", "#862e9c", "#c92a2a", "#e8590c"][i]}"/>`).join("")}`,
  "cast-iron-tawa": (fg) =>
    `<ellipse cx="190" cy="200" rx="120" ry="100" fill="#3a3a3a"/><ellipse cx="190" cy="195" rx="100" ry="82" fill="#555"/><rect x="300" y="185" width="90" height="22" rx="11" fill="${fg}"/>`,
  "copper-water-bottle": (fg, mid) =>
    `<rect x="150" y="110" width="100" height="200" rx="40" fill="#c8733a" stroke="${fg}" stroke-width="6"/><rect x="170" y="70" width="60" height="50" rx="10" fill="${mid}" stroke="${fg}" stroke-width="6"/>${[0, 1, 2, 3].map((i) => `<circle cx="${175 + (i % 2) * 50}" cy="${160 + i * 30}" r="8" fill="#e39a62"/>`).join("")}`,
  "terracotta-kulhad-set": () =>
    [90, 170, 250]
      .map(
        (x, i) =>
          `<path d="M${x} ${150 + i * 10} h70 l-10 110 h-50 z" fill="#b5562b" stroke="#7a3518" stroke-width="5"/>`,
      )
      .join(""),
  "handloom-cotton-dhurrie": (fg) =>
    `<rect x="70" y="90" width="260" height="220" fill="#f8f4ea"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="70" y="${100 + i * 44}" width="260" height="20" fill="${fg}"/>`).join("")}`,
  "block-print-bedsheet": (fg, mid) =>
    `<rect x="70" y="90" width="260" height="220" rx="8" fill="#fff"/>${Array.from({ length: 12 }, (_, i) => `<circle cx="${110 + (i % 4) * 60}" cy="${130 + Math.floor(i / 4) * 65}" r="18" fill="none" stroke="${i % 2 ? fg : mid}" stroke-width="6"/>`).join("")}`,
  "kantha-stitch-throw": (fg) =>
    `<rect x="70" y="90" width="260" height="220" rx="8" fill="#e8590c"/>${Array.from({ length: 9 }, (_, i) => `<path d="M80 ${105 + i * 23} h240" stroke="#fff3bf" stroke-width="3" stroke-dasharray="8 6"/>`).join("")}<rect x="70" y="90" width="260" height="220" rx="8" fill="none" stroke="${fg}" stroke-width="6"/>`,
  "khadi-kitchen-towels": (fg, mid) =>
    [0, 1, 2]
      .map(
        (i) =>
          `<rect x="${90 + i * 30}" y="${110 + i * 30}" width="190" height="140" rx="6" fill="#f8f4ea" stroke="${i === 1 ? fg : mid}" stroke-width="6"/>`,
      )
      .join(""),
  "darjeeling-first-flush": (fg, mid) =>
    `<rect x="130" y="100" width="140" height="210" rx="12" fill="${fg}"/><rect x="130" y="100" width="140" height="40" rx="12" fill="${mid}"/><path d="M200 230 c-40 -10 -40 -60 0 -70 c40 10 40 60 0 70 z" fill="#b9d6a0"/>`,
  "nilgiri-frost-tea": (fg) =>
    `<rect x="130" y="100" width="140" height="210" rx="12" fill="#364fc7"/><path d="M150 280 l50 -90 l50 90 z" fill="#e7f5ff"/><path d="M200 230 c-30 -8 -30 -45 0 -52 c30 7 30 44 0 52 z" fill="${fg}" opacity=".6"/>`,
  "coorg-filter-coffee": () =>
    `<path d="M130 110 h140 l10 200 h-160 z" fill="#5c3d2e"/><rect x="130" y="100" width="140" height="24" fill="#3b2418"/><ellipse cx="200" cy="220" rx="26" ry="36" fill="#c08457"/><path d="M200 186 v68" stroke="#5c3d2e" stroke-width="5"/>`,
  "coorg-filter-coffee-whole-bean": () =>
    `<path d="M130 110 h140 l10 200 h-160 z" fill="#d9c3a5"/><rect x="130" y="100" width="140" height="24" fill="#b08d63"/>${Array.from({ length: 9 }, (_, i) => `<ellipse cx="${165 + (i % 3) * 35}" cy="${180 + Math.floor(i / 3) * 40}" rx="14" ry="19" fill="#5c3d2e" transform="rotate(${((i * 37) % 60) - 30} ${165 + (i % 3) * 35} ${180 + Math.floor(i / 3) * 40})"/>`).join("")}`,
  "coorg-filter-coffee-espresso": () =>
    `<path d="M95 250 q105 -70 210 0 z" fill="#3b2418"/><rect x="150" y="150" width="100" height="80" rx="10" fill="#fff" stroke="#5c3d2e" stroke-width="6"/><path d="M250 170 q30 0 30 20 q0 20 -30 20" fill="none" stroke="#5c3d2e" stroke-width="6"/><ellipse cx="200" cy="156" rx="44" ry="8" fill="#7a4a2b"/>`,
  "masala-chai-blend": (fg, mid) =>
    `<rect x="135" y="120" width="130" height="190" rx="30" fill="${mid}" stroke="${fg}" stroke-width="6"/><rect x="150" y="90" width="100" height="40" rx="8" fill="${fg}"/><circle cx="200" cy="215" r="30" fill="#f59f00"/><path d="M185 215 h30 M200 200 v30" stroke="#fff" stroke-width="5"/>`,
  "handmade-paper-journal": (fg, mid) =>
    `<rect x="120" y="90" width="170" height="230" rx="8" fill="${fg}"/><rect x="135" y="90" width="155" height="230" rx="8" fill="${mid}"/><circle cx="212" cy="205" r="40" fill="none" stroke="${fg}" stroke-width="6"/><circle cx="212" cy="205" r="14" fill="${fg}"/>`,
  "brass-bookmark-set": (fg) =>
    [0, 1, 2]
      .map(
        (i) =>
          `<path d="M${130 + i * 55} 100 h40 v190 l-20 -22 l-20 22 z" fill="#e0b44c" stroke="${fg}" stroke-width="5"/>`,
      )
      .join(""),
};

let written = 0;
for (const product of seedProducts) {
  const [bg, mid, fg] = palettes[product.category] ?? ["#eee", "#ccc", "#333"];
  const photos = [{ name: product.slug, alt: product.name }, ...("photos" in product ? product.photos : [])];
  for (const photo of photos) {
    const motif = motifs[photo.name];
    if (!motif) throw new Error(`no motif for ${photo.name}`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" role="img" aria-label="${photo.alt}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/><ellipse cx="200" cy="335" rx="130" ry="14" fill="#000" opacity=".08"/>${motif(fg, mid)}</svg>\n`;
    writeFileSync(`public/products/${photo.name}.svg`, svg);
    written++;
  }
}
console.log(`wrote ${written} images to public/products`);
