import { type APIResponse, expect, type Page, test } from "@playwright/test";

import { buyChai, OWNER, payByCard, setCheckoutVariant, SIGN_IN_TIMEOUT, signIn } from "./helpers";
import { E2E_SANDBOX_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// Each kind of page answers with the whole set of security headers, its scripts carry that response's nonce, and
// it says which request it answered. The policy's rules per environment are unit-tested in lib/security/csp.test.ts.

test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);

/** Asserts the headers (and the page's nonces) of one page's response; returns its nonce. */
async function expectSecurityHeaders(response: APIResponse, requestId: string) {
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(directives.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", E2E_SANDBOX_URL]);
  expect(directives.get("script-src-attr")).toEqual(["'none'"]);
  expect(directives.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("frame-src")).toEqual([E2E_SANDBOX_URL]);
  expect(directives.get("form-action")).toEqual(["'self'", E2E_SANDBOX_URL]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("report-uri")).toEqual(["/api/csp-report"]);

  // Every script Next.js wrote carries this response's nonce (JSON-LD is data, not script, and needs none).
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  const executable = scripts.filter((tag) => !tag.includes('type="application/ld+json"'));
  expect(executable.length).toBeGreaterThan(0);
  for (const tag of executable) expect(tag).toContain(`nonce="${nonce}"`);

  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  // HSTS only from a production server on https (unit-tested); this one is http://localhost.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // A page with a nonce must never be served from a shared cache.
  expect(headers["cache-control"] ?? "").not.toMatch(/public|s-maxage/);
  expect(headers["x-request-id"]).toBe(requestId);
  return nonce!;
}

const get = (page: Page, path: string, requestId: string) =>
  page.request.get(path, { headers: { "x-request-id": requestId } });

test("home, product, checkout, order and admin pages send the security headers", async ({ page, browser }) => {
  await setCheckoutVariant(browser, "Redirect");
  const home = await expectSecurityHeaders(await get(page, "/", "hdr-home"), "hdr-home");
  const product = await expectSecurityHeaders(
    await get(page, "/products/masala-chai-blend", "hdr-product"),
    "hdr-product",
  );
  // The product page is rendered per request: a second visit has a new nonce (no cached HTML with an old one).
  const again = await expectSecurityHeaders(await get(page, "/products/masala-chai-blend", "hdr-2"), "hdr-2");
  expect(new Set([home, product, again]).size).toBe(3);

  await buyChai(page);
  await expectSecurityHeaders(await get(page, "/checkout", "hdr-checkout"), "hdr-checkout");
  await page.getByRole("button", { name: /^Pay ₹/ }).click();
  await payByCard(page, "SUCCESS");
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?token=/);
  await expectSecurityHeaders(await get(page, page.url(), "hdr-order"), "hdr-order");

  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  await expectSecurityHeaders(await get(page, "/admin", "hdr-admin"), "hdr-admin");
  await expectSecurityHeaders(await get(page, "/admin/orders", "hdr-admin-orders"), "hdr-admin-orders");
});

test("a request without an id, or with one that is not sane, gets a fresh id", async ({ request }) => {
  const plain = await request.get("/api/health");
  expect(plain.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const odd = await request.get("/", { headers: { "x-request-id": "has spaces; and=more" } });
  expect(odd.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
