import { describe, expect, it } from "vitest";

import { parseViolationReport } from "./csp-report";

describe("CSP violation reports", () => {
  it("reads report-uri's application/csp-report body, without the page's query string", () => {
    const violations = parseViolationReport({
      "csp-report": {
        "document-uri": "https://shop.example/orders/KC-1?token=secret-order-token#top",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'",
        "blocked-uri": "inline",
        disposition: "enforce",
        "line-number": 3,
        "column-number": 7,
        "status-code": 200,
        "script-sample": "alert(1)",
      },
    });
    expect(violations).toEqual([
      {
        document: "https://shop.example/orders/KC-1",
        directive: "script-src-elem",
        blocked: "inline",
        disposition: "enforce",
        source: undefined,
        line: 3,
        column: 7,
      },
    ]);
  });

  it("reads report-to's application/reports+json batch, keeping only CSP violations", () => {
    const violations = parseViolationReport([
      {
        type: "csp-violation",
        age: 2,
        url: "https://shop.example/",
        body: {
          documentURL: "https://shop.example/",
          effectiveDirective: "script-src-attr",
          blockedURL: "inline",
          disposition: "enforce",
          sourceFile: "https://shop.example/_next/static/chunks/app.js?v=1",
          lineNumber: 1,
          columnNumber: 1,
          sample: "",
        },
      },
      { type: "deprecation", body: {} },
    ]);
    expect(violations).toEqual([
      {
        document: "https://shop.example/",
        directive: "script-src-attr",
        blocked: "inline",
        disposition: "enforce",
        source: "https://shop.example/_next/static/chunks/app.js",
        line: 1,
        column: 1,
      },
    ]);
  });

  it("refuses anything else", () => {
    expect(parseViolationReport({ hello: "world" })).toBeNull();
    expect(parseViolationReport("csp-report")).toBeNull();
    expect(parseViolationReport({ "csp-report": { "document-uri": "x".repeat(5000) } })).toBeNull();
    expect(parseViolationReport(Array.from({ length: 51 }, () => ({ type: "csp-violation", body: {} })))).toBeNull();
  });
});
