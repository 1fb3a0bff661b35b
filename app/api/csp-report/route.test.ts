import { afterAll, afterEach, describe, expect, it } from "vitest";

import { CONNECTION_ADDRESS_HEADER, SERVER_ENTRY_MARK } from "@/lib/client-address";
import { LIMITS } from "@/lib/rate-limit/limits";

// The shop's limits on an in-memory PGlite, set before the configuration is read (the imports below). The shop
// is reached directly: its server (scripts/server.mjs) marks the process and writes each connection's address.
process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";
delete process.env.REDIS_URL;
delete process.env.TRUSTED_PROXY_HOPS;
(globalThis as Record<symbol, unknown>)[SERVER_ENTRY_MARK] = true;
const { tapLogLines } = await import("@/lib/log");
const { POST } = await import("./route");
afterAll(async () => {
  await (await import("@/db")).closeDb();
});

// What the logger writes, line by line (JSON, as the production log has it).
let lines: Record<string, unknown>[] = [];
let untap = tapLogLines((line) => lines.push(line));
afterEach(() => {
  untap();
  lines = [];
  untap = tapLogLines((line) => lines.push(line));
});
const violationLines = () => lines.filter((line) => line.msg === "csp violation");

let address = 0;
/** A report from a client of its own, unless `from` names one. */
const report = (body: string, type = "application/csp-report", from = `203.0.113.${++address}`) =>
  new Request("http://localhost:3000/api/csp-report", {
    method: "POST",
    headers: { "content-type": type, [CONNECTION_ADDRESS_HEADER]: from },
    body,
  });

describe("POST /api/csp-report", () => {
  it("logs each violation, redacted, and answers 204", async () => {
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
    expect(violationLines()).toHaveLength(1);
    const line = JSON.stringify(violationLines()[0]);
    expect(violationLines()[0]!.level).toBe("warn");
    expect(line).toContain("script-src-elem");
    expect(line).toContain("/orders/KC-1");
    expect(line).not.toContain("abcdefghijklmnop1234567890");
  });

  it("refuses what is not a violation report with 400, and an oversized body with 413", async () => {
    expect((await POST(report("not json"))).status).toBe(400);
    expect((await POST(report(JSON.stringify({ any: "thing" }), "application/json"))).status).toBe(400);
    expect(
      (await POST(report(JSON.stringify([{ type: "csp-violation", body: { x: "y".repeat(40_000) } }])))).status,
    ).toBe(413);
    expect(violationLines()).toEqual([]);
  });

  // Review defect 26.7: nothing limited this endpoint, so 200 forged batches of 50 made 10,000 log lines.
  it("refuses a client's batches past its limit with 429, logging none of them", async () => {
    const { points } = LIMITS.cspReportsPerAddress;
    const batch = JSON.stringify(
      [1, 2].map((n) => ({ type: "csp-violation", body: { documentURL: "https://shop.example/", lineNumber: n } })),
    );
    for (let i = 0; i < points; i++)
      expect((await POST(report(batch, "application/reports+json", "198.51.100.7"))).status).toBe(204);
    expect(violationLines()).toHaveLength(2 * points);
    const refused = await POST(report(batch, "application/reports+json", "198.51.100.7"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(violationLines()).toHaveLength(2 * points);
    // Another client still reports.
    expect((await POST(report(batch, "application/reports+json", "198.51.100.8"))).status).toBe(204);
  });
});
