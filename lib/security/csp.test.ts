import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, createNonce, type PolicyConfig, securityHeaders } from "./csp";

const local: PolicyConfig = {
  cashfree: { env: "local", baseUrl: "http://127.0.0.1:8787/pg" },
  https: false,
  production: false,
  development: false,
};
const sandbox: PolicyConfig = {
  cashfree: { env: "sandbox", baseUrl: "https://sandbox.cashfree.com/pg" },
  https: true,
  production: true,
  development: false,
};
const production: PolicyConfig = {
  cashfree: { env: "production", baseUrl: "https://api.cashfree.com/pg" },
  https: true,
  production: true,
  development: false,
};

/** directive → its sources */
function directives(policy: string) {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name, ...sources] = directive.split(" ");
      return [name!, sources];
    }),
  );
}

describe("content security policy", () => {
  it("allows scripts only with the nonce (or loaded by a nonced script), never inline ones", () => {
    for (const config of [local, sandbox, production]) {
      const policy = directives(contentSecurityPolicy(config, "abc123=="));
      expect(policy.get("script-src")).toContain("'nonce-abc123=='");
      expect(policy.get("script-src")).toContain("'strict-dynamic'");
      expect(policy.get("script-src-attr")).toEqual(["'none'"]);
      expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
      for (const [name, sources] of policy) {
        if (name.startsWith("script")) expect(sources).not.toContain("'unsafe-inline'");
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain("*");
      }
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(policy.get("report-uri")).toEqual(["/api/csp-report"]);
    }
  });

  it("locally allows the sandbox's origin and no Cashfree host", () => {
    const text = contentSecurityPolicy(local, "n");
    const policy = directives(text);
    expect(policy.get("script-src")).toContain("http://127.0.0.1:8787");
    expect(policy.get("frame-src")).toEqual(["http://127.0.0.1:8787"]);
    expect(policy.get("form-action")).toEqual(["'self'", "http://127.0.0.1:8787"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:8787"]);
    expect(text).not.toContain("cashfree.com");
    // http://localhost: nothing to upgrade to
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("in Cashfree's sandbox allows its SDK and the sandbox checkout hosts, not production's", () => {
    const text = contentSecurityPolicy(sandbox, "n");
    const policy = directives(text);
    expect(policy.get("script-src")).toContain("https://sdk.cashfree.com");
    expect(policy.get("frame-src")).toEqual([
      "https://sdk.cashfree.com",
      "https://sandbox.cashfree.com",
      "https://payments-test.cashfree.com",
    ]);
    expect(policy.get("form-action")).toEqual([
      "'self'",
      "https://sandbox.cashfree.com",
      "https://payments-test.cashfree.com",
    ]);
    expect(text).not.toContain("api.cashfree.com");
    expect(text).not.toContain("https://payments.cashfree.com");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("in production allows its SDK and the live checkout hosts, not the sandbox's", () => {
    const text = contentSecurityPolicy(production, "n");
    const policy = directives(text);
    expect(policy.get("frame-src")).toEqual([
      "https://sdk.cashfree.com",
      "https://api.cashfree.com",
      "https://payments.cashfree.com",
    ]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://api.cashfree.com", "https://payments.cashfree.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://api.cashfree.com", "https://payments.cashfree.com"]);
    expect(text).not.toContain("sandbox");
    expect(text).not.toContain("payments-test");
  });

  it("under next dev allows what React's development build needs", () => {
    const policy = directives(contentSecurityPolicy({ ...local, development: true }, "n"));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("security headers", () => {
  it("send HSTS only from a production server on https", () => {
    expect(securityHeaders(production, "n")["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders(sandbox, "n")["Strict-Transport-Security"]).toBeDefined();
    expect(securityHeaders(local, "n")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...local, production: true }, "n")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...production, production: false }, "n")["Strict-Transport-Security"]).toBeUndefined();
  });

  it("use a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
