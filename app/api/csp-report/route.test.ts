import { afterEach, describe, expect, it, vi } from "vitest";

import { POST } from "./route";

const report = (body: string, type = "application/csp-report") =>
  new Request("http://localhost:3000/api/csp-report", { method: "POST", headers: { "content-type": type }, body });

afterEach(() => vi.restoreAllMocks());

describe("POST /api/csp-report", () => {
  it("logs each violation, redacted, and answers 204", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await POST(
      report(
        JSON.stringify({
          "csp-report": {
            "document-uri": "http://localhost:3000/orders/KC-1?token=abcdefghijklmnop1234567890",
            "effective-directive": "script-src-elem",
            "blocked-uri": "inline",
          },
        }),
      ),
    );
    expect(response.status).toBe(204);
    expect(warn).toHaveBeenCalledOnce();
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toContain("csp violation");
    expect(line).toContain("script-src-elem");
    expect(line).toContain("/orders/KC-1");
    expect(line).not.toContain("abcdefghijklmnop1234567890");
  });

  it("refuses what is not a violation report with 400, and an oversized body with 413", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect((await POST(report("not json"))).status).toBe(400);
    expect((await POST(report(JSON.stringify({ any: "thing" }), "application/json"))).status).toBe(400);
    expect(
      (await POST(report(JSON.stringify([{ type: "csp-violation", body: { x: "y".repeat(40_000) } }])))).status,
    ).toBe(413);
    expect(warn).not.toHaveBeenCalled();
  });
});
