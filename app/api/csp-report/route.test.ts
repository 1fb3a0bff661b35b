import { afterEach, describe, expect, it } from "vitest";

import { tapLogLines } from "@/lib/log";

import { POST } from "./route";

// What the logger writes, line by line (JSON, as the production log has it).
let lines: Record<string, unknown>[] = [];
let untap = tapLogLines((line) => lines.push(line));
afterEach(() => {
  untap();
  lines = [];
  untap = tapLogLines((line) => lines.push(line));
});
const violationLines = () => lines.filter((line) => line.msg === "csp violation");

const report = (body: string, type = "application/csp-report") =>
  new Request("http://localhost:3000/api/csp-report", { method: "POST", headers: { "content-type": type }, body });

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
});
