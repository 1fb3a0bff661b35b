import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";

import { env } from "@/lib/env";

import "./globals.css";

const inter = localFont({ src: "./fonts/inter-latin-wght.woff2", variable: "--font-inter", display: "swap" });

export const metadata: Metadata = {
  // Canonical and Open Graph URLs are absolute, on the shop's public address.
  metadataBase: new URL(env.appUrl),
  openGraph: { siteName: "Kaveri & Co.", locale: "en_IN", type: "website" },
  title: { default: "Kaveri & Co. — Indian craft, delivered", template: "%s · Kaveri & Co." },
  description: "Handmade kitchenware, textiles, tea and stationery from Indian makers. Pay securely with Cashfree.",
};

export const viewport: Viewport = { themeColor: "#b4541f" };

/**
 * Every page is rendered per request, because the Content-Security-Policy's nonce (proxy.ts) is new for every
 * response and Next.js writes it into the page's script tags while it renders: a page cached as HTML (ISR, static)
 * would carry an old nonce, or none, and its scripts would be blocked. What is expensive stays cached as data
 * (the product reads in lib/products.ts, under the same tags). A hash-based policy would let HTML be cached, but
 * Next.js 16.4 cannot hash its inline RSC payload scripts (vercel/next.js#95354, still open): README, Security.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en-IN" className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
