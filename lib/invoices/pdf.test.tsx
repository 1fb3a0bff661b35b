import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { Document, Font, Page, renderToBuffer, Text } from "@react-pdf/renderer";
import { beforeAll, describe, expect, it } from "vitest";

import type { TaxDocument } from "./documents";
import { INVOICE_FONT_STACK, printableText, registerInvoiceFonts } from "./fonts";
import { renderTaxDocumentPdf } from "./pdf";

// The invoice PDF as poppler reads and draws it, for names and addresses in the scripts Indian shoppers write in.
const poppler = existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdftoppm");
if (!poppler && process.env.CI) throw new Error("pdftotext is missing: apt-get install poppler-utils");

const HINDI = "१२, महात्मा गांधी मार्ग, नई दिल्ली";
const TAMIL = "12, அண்ணா சாலை, சென்னை";

/** One sample per script: conjuncts, reph, pre-base and split vowel signs, the marks fontkit once mis-placed. */
const SAMPLES: Record<string, string> = {
  "Noto Sans Devanagari": "श्री क्षितिज पाटील, ज्ञानेश्वर मार्ग, दिल्ली",
  "Noto Sans Bengali": "২৪ রবীন্দ্র সরণি, কলকাতা",
  "Noto Sans Tamil": "கொல்கத்தா ஸ்ரீ சென்னை",
  "Noto Sans Telugu": "హైదరాబాద్, తెలంగాణ శ్రీ",
  "Noto Sans Gujarati": "અમદાવાદ, ગુજરાત ક્ષ",
  "Noto Sans Kannada": "ಬೆಂಗಳೂರು, ಕರ್ನಾಟಕ",
  "Noto Sans Malayalam": "തിരുവനന്തപുരം, കേരളം",
  "Noto Sans Gurmukhi": "ਅੰਮ੍ਰਿਤਸਰ, ਪੰਜਾਬ, ਹਰਪ੍ਰੀਤ ਸਿੰਘ",
  "Noto Sans Oriya": "ଭୁବନେଶ୍ୱର, ଓଡ଼ିଶା",
};

function invoice(fields: { name: string; address: string; shippingAddress: string; description: string }) {
  const line = { id: "l", documentId: "d", position: 0, hsnCode: "5208", rateBps: 500, quantity: 1 };
  return {
    id: "d",
    kind: "invoice",
    number: "KAV/26-27/000001",
    series: "KAV/26-27",
    sequence: 1,
    financialYear: "2026-27",
    orderId: "KC-20260601-0001",
    refundId: null,
    invoiceId: null,
    issuedAt: new Date("2026-06-01T10:00:00Z"),
    seller: {
      name: "Kaveri and Company",
      gstin: "29AAKFK4821M1ZU",
      address: "12 MG Road, Bengaluru",
      state: "Karnataka",
    },
    buyer: {
      name: fields.name,
      gstin: null,
      address: fields.address,
      state: "Delhi",
      shippingAddress: fields.shippingAddress,
    },
    buyerGstin: null,
    placeOfSupply: "Delhi",
    supply: "inter_state",
    taxablePaise: 142_762,
    cgstPaise: 0,
    sgstPaise: 0,
    igstPaise: 7_138,
    totalPaise: 149_900,
    lines: [
      {
        ...line,
        description: fields.description,
        amountPaise: 149_900,
        taxablePaise: 142_762,
        cgstPaise: 0,
        sgstPaise: 0,
        igstPaise: 7_138,
      },
    ],
  } satisfies TaxDocument;
}

const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString();
const pdfFonts = (pdf: Buffer) => execFileSync("pdffonts", ["-"], { input: pdf }).toString();

type Shaped = { glyphs: { id: number; codePoints: number[] }[]; advanceWidth: number };
type LoadedFont = { layout(text: string): Shaped; unitsPerEm: number };

async function loadedFont(fontFamily: string) {
  await Font.load({ fontFamily });
  return Font.getFont({ fontFamily }).data as unknown as LoadedFont;
}

describe("fonts of the tax documents", () => {
  beforeAll(() => registerInvoiceFonts());

  it("shapes every Indian script it covers: no missing glyph, no dotted circle, no crash", async () => {
    for (const [family, sample] of Object.entries(SAMPLES)) {
      expect(INVOICE_FONT_STACK).toContain(family);
      const font = await loadedFont(family);
      // As react-pdf's textkit hands complex scripts to fontkit: decomposed (NFD).
      const words = sample.normalize("NFD").split(/[\s,]+/u);
      for (const word of words) {
        const { glyphs } = font.layout(word);
        const ids = glyphs.map((glyph) => glyph.id);
        expect(ids, `${family}: ${word}`).not.toContain(0);
        expect(
          glyphs.flatMap((glyph) => glyph.codePoints),
          `${family}: ${word}`,
        ).not.toContain(0x25cc);
      }
    }
  });

  it("drops what no font can draw, whole emoji sequences with their joiners, and keeps the rest", async () => {
    expect(await printableText("Priya Sharma 🙏")).toBe("Priya Sharma");
    // DejaVu Sans draws ❤ (U+2764) in black and white, and has an empty glyph for the selector after it.
    expect(await printableText("🙏🏽 Thanks 👨‍👩‍👧 a lot ❤️")).toBe("Thanks a lot ❤️");
    expect(await printableText(HINDI)).toBe(HINDI);
    // A conjunct written with a zero-width joiner keeps it.
    expect(await printableText("क्‍ष")).toBe("क्‍ष");
    expect(await printableText("Plot 4, ₹ Nagar")).toBe("Plot 4, ₹ Nagar");
  });
});

describe.skipIf(!poppler)("tax documents in Indian scripts, read back with poppler", () => {
  beforeAll(() => registerInvoiceFonts());

  it("prints a Hindi and a Tamil address and the shopper's name as written, and leaves out the emoji", async () => {
    const document = invoice({
      name: "Priya Sharma 🙏",
      address: `${HINDI} 110001`,
      shippingAddress: `${TAMIL} 600002`,
      description: "हाथ से बुनी सूती साड़ी (கைத்தறி)",
    });
    const pdf = await renderTaxDocumentPdf(document);
    const text = pdfText(pdf).normalize("NFC");
    expect(text).toContain("Priya Sharma\n");
    expect(text).toContain(`${HINDI} 110001`);
    expect(text).toContain(`Ship to: ${TAMIL} 600002`);
    expect(text).toContain("हाथ से बुनी सूती साड़ी (கைத்தறி)".normalize("NFC"));
    expect(text).not.toContain("=O");
    expect(text).toContain("₹1,499.00");
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/NotoSansDevanagari-Regular\s.*yes yes yes/);
    expect(fonts).toMatch(/NotoSansTamil-Regular\s.*yes yes yes/);
    // Only the families the text uses, each cut to its glyphs.
    expect(fonts).not.toMatch(/Bengali|Gurmukhi/);
  });

  it("prints every Indian script in a credit note too", async () => {
    const address = Object.values(SAMPLES).join("\n");
    const document = {
      ...invoice({ name: "ਹਰਪ੍ਰੀਤ ਸਿੰਘ", address, shippingAddress: address, description: "রবীন্দ্র সঙ্গীত বই" }),
      kind: "credit_note",
      number: "KCN/26-27/000001",
      invoiceNumber: "KAV/26-27/000001",
    } satisfies TaxDocument;
    const text = pdfText(await renderTaxDocumentPdf(document)).normalize("NFC");
    expect(text).toContain("CREDIT NOTE");
    expect(text).toContain("ਹਰਪ੍ਰੀਤ ਸਿੰਘ");
    expect(text).toContain("রবীন্দ্র সঙ্গীত বই");
    for (const sample of Object.values(SAMPLES)) expect(text).toContain(sample.normalize("NFC"));
  });

  it("wraps a long address at its spaces, not between a word and the comma after it", async () => {
    // The semicolons come from DejaVu Sans, the words from each script's font: a break between the two fonts once
    // added a hyphen in the Kannada font, which has none, and printed a missing glyph's box.
    const address = "২৪ রবীন্দ্র সরণি, কলকাতা; హైదరాబాద్; અમદાવાદ; ಬೆಂಗಳೂರು; തിരുവനന്തപുരം; ଭୁବନେଶ୍ୱର";
    const document = invoice({ name: "Harpreet Singh", address, shippingAddress: "Amritsar", description: "Saree" });
    // In reading order (no -layout), so the recipient's lines are not interleaved with the supplier's.
    const pdf = await renderTaxDocumentPdf(document);
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString().normalize("NFC");
    expect(text).not.toMatch(/[\u0c80-\u0cff]-/u);
    expect(text.replace(/\s+/gu, " ")).toContain(address.normalize("NFC"));
  });

  it("draws a mark where OpenType positioning puts it, not after its base", async () => {
    // Noto Sans Bengali draws ন্দ্র as da with a "float" na moved back over it: drawn unmoved, the na stands after
    // the word. So the ink must end where the word's advance does.
    const word = "রবীন্দ্র";
    const size = 72;
    const pdf = await renderToBuffer(
      <Document>
        <Page size={{ width: 600, height: 120 }} style={{ padding: 0, fontFamily: INVOICE_FONT_STACK, fontSize: size }}>
          <Text>{word}</Text>
        </Page>
      </Document>,
    );
    const font = await loadedFont("Noto Sans Bengali");
    const advance = (font.layout(word.normalize("NFD")).advanceWidth * size) / font.unitsPerEm;
    const ink = inkColumns(execFileSync("pdftoppm", ["-r", "72", "-gray", "-"], { input: pdf }));
    expect(ink.right).toBeLessThanOrEqual(advance + 4);
    expect(ink.right).toBeGreaterThan(advance * 0.8);
  });
});

/** The leftmost and rightmost columns with ink in a binary PGM ("P5") image. */
function inkColumns(pgm: Buffer) {
  const [magic, width, height, max] = pgm.toString("latin1", 0, 64).split(/\s+/u);
  expect(magic).toBe("P5");
  const header = `${magic}\n${width} ${height}\n${max}\n`.length;
  const [w, h] = [Number(width), Number(height)];
  let left = w;
  let right = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (pgm[header + y * w + x]! < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { left, right };
}
