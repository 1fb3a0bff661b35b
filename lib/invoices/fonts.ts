import "server-only";

import path from "node:path";

import { Font } from "@react-pdf/renderer";

// The invoice's fonts, read from node_modules at run time (next.config.ts traces them into deployments).
const modules = path.join(process.cwd(), "node_modules");

/** The scripts Indian shoppers write their names and addresses in, beyond Latin: one Noto Sans family each. */
const INDIC_SCRIPTS = [
  "devanagari", // Hindi, Marathi, Nepali, Konkani…
  "bengali", // Bengali, Assamese
  "tamil",
  "telugu",
  "gujarati",
  "kannada",
  "malayalam",
  "gurmukhi", // Punjabi
  "oriya", // Odia
] as const;

const notoFamily = (script: string) => `Noto Sans ${script[0]!.toUpperCase()}${script.slice(1)}`;

/**
 * DejaVu Sans first: Latin, digits and the rupee sign (U+20B9), which the PDF standard fonts lack. Then a Noto Sans
 * family per Indian script. react-pdf picks, for each character, the first family in this list that has a glyph for
 * it (`fontSubstitution` in @react-pdf/textkit), so a Tamil address prints in Noto Sans Tamil beside DejaVu's digits.
 * Each family is shaped by fontkit's Indic shaper (conjuncts, reordered matras, reph), and only the glyphs a
 * document uses are embedded.
 */
export const INVOICE_FONT_STACK = ["DejaVu Sans", ...INDIC_SCRIPTS.map(notoFamily)];

let registered = false;

/** Registers the stack with react-pdf, once per process. */
export function registerInvoiceFonts() {
  if (registered) return;
  registered = true;
  const dejavu = path.join(modules, "dejavu-fonts-ttf/ttf");
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: path.join(dejavu, "DejaVuSans.ttf") },
      { src: path.join(dejavu, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // Fontsource's files of each family, cut to the script's own characters (their CSS's unicode-range): WOFF, which
  // fontkit reads like TrueType (https://github.com/foliojs/fontkit#fontkitopenfilename-postscriptname--null).
  for (const script of INDIC_SCRIPTS) {
    const file = (weight: number) =>
      path.join(modules, `@fontsource/noto-sans-${script}/files/noto-sans-${script}-${script}-${weight}-normal.woff`);
    Font.register({
      family: notoFamily(script),
      fonts: [{ src: file(400) }, { src: file(700), fontWeight: "bold" }],
    });
  }
  // Words are never split with hyphens: GSTINs and invoice numbers must print whole.
  Font.registerHyphenationCallback((word) => [word]);
}

type GlyphSource = { hasGlyphForCodePoint(codePoint: number): boolean };
let coverage: Promise<GlyphSource[]> | undefined;

/** The loaded fonts of the stack (regular weight: the bold files cover the same characters). */
function loadCoverage() {
  registerInvoiceFonts();
  coverage ??= Promise.all(
    INVOICE_FONT_STACK.map(async (fontFamily) => {
      await Font.load({ fontFamily });
      // A fontkit font (react-pdf's own type for it leaves fontkit's methods out).
      return Font.getFont({ fontFamily }).data as unknown as GlyphSource;
    }),
  );
  return coverage;
}

// Characters that join or modify their neighbours (ZWNJ, ZWJ, variation selectors): no glyph of their own needed.
const JOINER = /^[\u200c\u200d\ufe00-\ufe0f]$/u;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * The text with every character no font of the stack can draw taken out, a grapheme cluster at a time (an emoji
 * goes with its skin tone, joiners and variation selector; a conjunct keeps its ZWJ), so the PDF never prints a
 * missing glyph's box or another font's garbage ("🙏" came out as "=O"). Spaces a removal left doubled or at the
 * ends of a line are tidied.
 */
export async function printableText(text: string): Promise<string> {
  const fonts = await loadCoverage();
  const drawable = (char: string) => fonts.some((font) => font.hasGlyphForCodePoint(char.codePointAt(0)!));
  let kept = "";
  let dropped = false;
  for (const { segment } of graphemes.segment(text)) {
    const chars = [...segment];
    if (chars.every((char) => JOINER.test(char) || /\s/u.test(char) || drawable(char))) {
      // A joiner or selector no font knows would otherwise print as the last font's missing glyph.
      const inked = chars.filter((char) => !JOINER.test(char) || drawable(char)).join("");
      dropped ||= inked !== segment;
      kept += inked;
    } else dropped = true;
  }
  return dropped ? kept.replace(/[ \t]{2,}/gu, " ").replace(/^[ \t]+|[ \t]+$/gmu, "") : kept;
}
