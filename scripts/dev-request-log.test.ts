import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
// Next's own dev request logger, fed our configuration: what `next dev` prints for a request. Its internals, on
// purpose: the test checks what that logger prints, and fails loudly if a release moves it.
// eslint-disable-next-line no-restricted-imports
import { logRequests } from "next/dist/server/dev/log-requests";
import { afterEach, describe, expect, it, vi } from "vitest";

import config from "../next.config";

describe("the dev server's request log", () => {
  afterEach(() => vi.restoreAllMocks());

  function printed(url: string) {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((text) => {
      lines.push(String(text));
      return true;
    });
    const start = process.hrtime.bigint();
    logRequests(
      { url, method: "GET" } as never,
      { statusCode: 302 } as never,
      config(PHASE_DEVELOPMENT_SERVER).logging as never,
      start,
      start + 1_000_000n,
      undefined,
      undefined,
      undefined,
      undefined,
    );
    vi.restoreAllMocks();
    return lines.join("");
  }

  // Issue 26: the Cashfree OAuth callback's one-time code and state were printed with its URL.
  it("never prints the Cashfree OAuth callback's code and state; other requests are logged", () => {
    expect(printed("/api/cashfree/oauth/callback?code=secret-code-123&state=secret-state-456")).toBe("");
    expect(printed("/products/masala-chai-blend?variant=CHAI-100G")).toContain(
      "GET /products/masala-chai-blend?variant=CHAI-100G",
    );
  });

  it("never prints a shopper's order link with its access token", () => {
    expect(printed("/orders/KC-261202-7QH3M2XA?token=order-access-token-789")).toBe("");
  });
});
