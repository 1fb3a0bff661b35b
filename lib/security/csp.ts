/**
 * The shop's Content-Security-Policy and the other per-request security headers, built from the configuration.
 * proxy.ts applies them with a fresh nonce for every request; Next.js reads the nonce from the request's policy
 * and puts it on its own scripts, so no script runs on a page unless it carries that nonce (or was loaded by one
 * that does: 'strict-dynamic'). A nonce only works on a page rendered per request: see app/layout.tsx.
 *
 * What the shop's pages need, and nothing more:
 * - its own origin (pages, chunks, styles, fonts, product photos, Server Actions, /api/*);
 * - Cashfree checkout for the configured environment (https://www.cashfree.com/docs/payments/online/web/redirect): cashfree.js
 *   from sdk.cashfree.com, which frames its ping page from there, and posts its checkout form (redirect, popup or
 *   inline) to the environment's PG host, which may hand over to the payments host; locally, the sandbox's origin.
 */

type CashfreeEnv = "local" | "sandbox" | "production";

export interface PolicyConfig {
  cashfree: { env: CashfreeEnv; baseUrl: string };
  /** The shop's public address is https: browsers are told to upgrade and to stay on https (HSTS). */
  https: boolean;
  /** A production server (next start, Vercel): HSTS is sent only there, and only over https. */
  production: boolean;
  /** `next dev`: React's dev build evaluates code and its overlay injects styles. */
  development: boolean;
}

const CSP_REPORT_PATH = "/api/csp-report";

const SDK_ORIGIN = "https://sdk.cashfree.com";
const CHECKOUT_ORIGINS: Record<Exclude<CashfreeEnv, "local">, string[]> = {
  sandbox: ["https://sandbox.cashfree.com", "https://payments-test.cashfree.com"],
  production: ["https://api.cashfree.com", "https://payments.cashfree.com"],
};

/** Where the browser loads cashfree.js from and where its checkout form goes, for one environment. */
function cashfreeOrigins({ env, baseUrl }: PolicyConfig["cashfree"]) {
  if (env === "local") {
    const sandbox = new URL(baseUrl).origin;
    return { sdk: [sandbox], checkout: [sandbox] };
  }
  return { sdk: [SDK_ORIGIN], checkout: CHECKOUT_ORIGINS[env] };
}

/** 128 random bits, base64: a new one for every response. */
export function createNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy(config: PolicyConfig, nonce: string) {
  const { sdk, checkout } = cashfreeOrigins(config.cashfree);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // Browsers with 'strict-dynamic' ignore 'self' and the SDK's host and trust only the nonce (and what nonced
    // scripts load: Next's chunks, cashfree.js); older ones fall back to the hosts. Never 'unsafe-inline'.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...sdk,
      ...(config.development ? ["'unsafe-eval'"] : []),
    ],
    // No inline event handlers (an injected <img onerror=…>), whatever else is allowed.
    ["script-src-attr", "'none'"],
    // Stylesheets come from our origin (Tailwind's CSS, next/font's @font-face); a <style> element needs the nonce.
    ["style-src", "'self'", ...(config.development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // style="…" attributes are allowed: next/image writes style="color:transparent" on every image, and cashfree.js
    // builds its spinners from markup with style attributes. An attribute can neither run script nor, unlike a
    // <style> element, use selectors to read the page, and merchant text never becomes markup (React escapes it).
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...checkout],
    ["frame-src", ...new Set([...sdk, ...checkout])],
    // cashfree.js submits its checkout form from our document, in every variant.
    ["form-action", "'self'", ...checkout],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    // report-uri only: Chrome ignores it once report-to is present, and then queues reports for its Reporting API,
    // which (measured here, Chromium 156 on http://localhost) had delivered none after 100 s; report-uri posts each
    // violation at once, in every browser.
    ["report-uri", CSP_REPORT_PATH],
  ];
  if (config.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The headers proxy.ts adds to every response it sees (static files keep next.config.ts's headers only). */
export function securityHeaders(config: PolicyConfig, nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(config, nonce),
    ...(config.production && config.https
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}
