import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { proxy } from "./proxy";

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
});
