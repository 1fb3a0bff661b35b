import { readFile } from "node:fs/promises";
import path from "node:path";

import { ImageResponse } from "next/og";

import { formatInr } from "@/lib/money";
import { getProduct } from "@/lib/products";

export const alt = "Product from Kaveri & Co.";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// A local font (no download at build or run time); DejaVu has the rupee sign. next/og takes TTF, not WOFF2.
const fontFile = (name: string) => readFile(path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf", name));

/** The card a shared product link shows: name, price, category and the shop's name. */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await getProduct((await params).slug);
  const [regular, bold] = await Promise.all([fontFile("DejaVuSans.ttf"), fontFile("DejaVuSans-Bold.ttf")]);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fff7ed",
        color: "#1c1917",
        fontFamily: "DejaVu Sans",
      }}
    >
      <div style={{ fontSize: 36, color: "#9a3412", fontWeight: 700 }}>Kaveri &amp; Co.</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ fontSize: 30, color: "#57534e" }}>{product?.category ?? "Indian craft, delivered"}</div>
        <div style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{product?.name ?? "Kaveri & Co."}</div>
        {product && (
          <div
            style={{ fontSize: 48, color: "#9a3412" }}
          >{`${product.priceVaries ? "from " : ""}${formatInr(product.pricePaise)}`}</div>
        )}
      </div>
      <div style={{ fontSize: 26, color: "#57534e" }}>Handmade in India · Pay securely with Cashfree</div>
    </div>,
    {
      ...size,
      fonts: [
        { name: "DejaVu Sans", data: regular, weight: 400 },
        { name: "DejaVu Sans", data: bold, weight: 700 },
      ],
    },
  );
}
