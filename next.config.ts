import path from "node:path";

import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";

import { loadEnvOrExit } from "./lib/env-schema";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-limits";

// On every response, static files included. The Content-Security-Policy (with its nonce) and HSTS depend on the
// request and the runtime configuration, so proxy.ts adds them (lib/security/csp.ts); these are fixed at build.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The same as the policy's frame-ancestors 'none', for browsers that predate it: no page of the shop is framed.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const dejavu = "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans*.ttf";
const invoiceFonts = [dejavu, "./node_modules/@fontsource/noto-sans-*/files/*-{400,700}-normal.woff"];

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules, not bundled; @react-pdf/renderer
  // (fontkit, yoga's wasm) likewise runs as plain Node. rate-limiter-flexible's database store loads drizzle-orm
  // with a computed import() that a bundle cannot resolve: Node loads it, from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "@react-pdf/renderer", "rate-limiter-flexible"],
  // The invoice PDF's and Open Graph card's fonts are read from node_modules at run time (lib/invoices/fonts.ts):
  // keep them in traced deployments too.
  outputFileTracingIncludes: {
    "/orders/[orderId]/documents/[documentId]": invoiceFonts,
    "/admin/orders/[orderId]/documents/[documentId]": invoiceFonts,
    "/products/[slug]/opengraph-image": [dejavu],
  },
  poweredByHeader: false,
  // `next dev` prints every request's URL; the Cashfree OAuth callback's carries the one-time code and the state
  // (our CSRF token), and a shopper's order link its access token: leave those lines out
  // (https://nextjs.org/docs/app/api-reference/config/next-config-js/logging).
  logging: { incomingRequests: { ignore: [/\/api\/cashfree\/oauth\/callback\b/, /[?&]token=/] } },
  // Uploads are resized when stored (lib/images.ts) and served at those widths: no optimizer at run time.
  images: { loader: "custom", loaderFile: "./lib/image-loader.ts" },
  agentRules: false,
  // `npm test` (scripts/test-all.ts) runs `tsc --noEmit` over the whole project first and sets TYPECHECK_PASSED
  // when it passed: the build then skips its own second check of the same files. Never set by default.
  // https://nextjs.org/docs/app/api-reference/config/next-config-js/typescript
  typescript: { ignoreBuildErrors: process.env.TYPECHECK_PASSED === "1" },
  experimental: {
    // Dispute evidence and product photos may be 5 MB; the form around them needs a little more (default 1 MB).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // React's Flight payload and Turbopack's bootstrap go into <template> elements read by one external runtime
    // script, instead of inline <script>s: the first step to caching catalog pages under a policy with no nonce
    // (issue 29). Undocumented in 16.5.0 (its JSDoc still says the payload is inlined); it also switches the app
    // directory to Next's bundled React experimental channel. `next dev` still inlines one bootstrap script.
    externalBrowserRuntime: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// A bad configuration stops `next dev`, `next build` and `next start` with one line naming the variable. The
// phase tells the build (which serves nobody) from a production server, which needs its secrets.
export default function config(phase: string): NextConfig {
  const env = loadEnvOrExit({ ...process.env, NEXT_PHASE: phase });
  // Several `next start` instances share one page cache through Redis, so a change invalidated on one is gone on
  // all; no copy is kept in memory. Without Redis (one instance; `next dev`) each server keeps its own on disk, and
  // on Vercel the platform's cache is shared already: the build's configuration, without this, is what runs there.
  if (phase === PHASE_PRODUCTION_SERVER && env.redisUrl) {
    return { ...nextConfig, cacheHandler: path.resolve("lib/cache-handler.mjs"), cacheMaxMemorySize: 0 };
  }
  return nextConfig;
}
