import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/request-limits";

import { config, proxy } from "./proxy";

const actionPost = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3000/checkout", {
    method: "POST",
    headers: { "next-action": "7f00", host: "localhost:3000", ...headers },
    body: "[]",
  });

describe("proxy: Server Action origin check", () => {
  // Review defect 8: cross-origin action posts answered 500.
  it("refuses a cross-origin action post with 403", async () => {
    const response = proxy(actionPost({ origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Cross-origin request refused.");
    expect(proxy(actionPost({ origin: "not a url" })).status).toBe(403);
  });

  it("lets same-origin action posts through", () => {
    expect(proxy(actionPost({ origin: "http://localhost:3000" })).headers.get("x-middleware-next")).toBe("1");
  });

  // Issue 26: a cross-site HTML form (no next-action header) posting to a page answered 500 too.
  it("refuses a cross-origin plain form post, multipart or urlencoded, and lets a same-origin one through", async () => {
    const formPost = (origin: string, body: FormData | URLSearchParams) =>
      proxy(
        new NextRequest("http://localhost:3000/checkout", {
          method: "POST",
          headers: { host: "localhost:3000", origin },
          body,
        }),
      );
    const multipart = new FormData();
    multipart.set("$ACTION_ID_7f00", "");
    const urlencoded = new URLSearchParams({ email: "someone@example.com" });
    for (const body of [multipart, urlencoded]) {
      const response = formPost("https://evil.example", body);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("Cross-origin request refused.");
      expect(formPost("null", body).status).toBe(403); // a sandboxed frame's form
      expect(formPost("http://localhost:3000", body).headers.get("x-middleware-next")).toBe("1");
    }
  });
});

const pageGet = (headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost:3000/products/masala-chai-blend", {
    headers: { host: "localhost:3000", ...headers },
  });

/** What the proxy passes on to the page: NextResponse.next encodes the overridden request headers. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("proxy: undecodable paths", () => {
  // Issue 26: Next.js failed to decode `/products/%ZZ` after the proxy and answered 500.
  it("answers 404 to a path whose percent-escapes decode to nothing, and passes on the rest", async () => {
    for (const path of ["/products/%ZZ", "/products/%E0%A4%A", "/policies/%ZZ", "/orders/%"]) {
      const response = proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } }));
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe("Not found.");
    }
    const fine = proxy(
      new NextRequest("http://localhost:3000/products/%E0%A4%A4", { headers: { host: "localhost:3000" } }),
    );
    expect(fine.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: Server Action body limit", () => {
  // Issue 26: a photo over the limit answered 500 (Next.js reads up to the limit, then throws).
  it("answers 413 to an action post declaring more than the limit, before anything reads it", async () => {
    const upload = (length: number) =>
      proxy(actionPost({ origin: "http://localhost:3000", "content-length": String(length) }));
    const refused = upload(SERVER_ACTION_BODY_LIMIT_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe("Request too large.");
    expect(upload(SERVER_ACTION_BODY_LIMIT_BYTES).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: request id", () => {
  it("gives every request a fresh id, passed to server code and returned to the client", () => {
    const first = proxy(pageGet());
    const id = first.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(first, "x-request-id")).toBe(id);
    expect(proxy(pageGet()).headers.get("x-request-id")).not.toBe(id);
  });

  it("keeps a sane incoming id (a load balancer's) and replaces any other", () => {
    expect(proxy(pageGet({ "x-request-id": "lb-4f2a_9" })).headers.get("x-request-id")).toBe("lb-4f2a_9");
    for (const incoming of ["x".repeat(65), "a b", "id;drop", "<script>", "ünïcode"]) {
      const response = proxy(pageGet({ "x-request-id": incoming }));
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(forwarded(response, "x-request-id")).toBe(response.headers.get("x-request-id"));
    }
  });

  it("is on the refused cross-origin action too", () => {
    expect(proxy(actionPost({ origin: "https://evil.example" })).headers.get("x-request-id")).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });
});

describe("proxy: Content-Security-Policy", () => {
  it("sends a policy with a new nonce per response, and gives Next.js the same policy to put the nonce on scripts", () => {
    const first = proxy(pageGet());
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(forwarded(first, "content-security-policy")).toBe(policy);
    expect(proxy(pageGet()).headers.get("content-security-policy")).not.toContain(nonce);
    // A test server on http://localhost is not production: no HSTS.
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("proxy: which requests it sees", () => {
  const sees = (url: string) => unstable_doesMiddlewareMatch({ config, url });

  it("every page, route and action; not static files, photos, webhooks or CSP reports", () => {
    for (const url of [
      "/",
      "/products/masala-chai-blend",
      "/checkout",
      "/admin/orders",
      "/api/health",
      "/api/cart/count",
    ])
      expect(sees(url), url).toBe(true);
    for (const url of [
      "/_next/static/chunks/app.js",
      "/media/towels-800.webp",
      "/icon.svg",
      "/api/webhooks/cashfree",
      "/api/webhooks/cashfree/partner",
      "/api/csp-report",
    ])
      expect(sees(url), url).toBe(false);
  });
});
