import { describe, expect, it } from "vitest";

import { formatIsoDate } from "@/lib/format";

import { newOrderId } from "./ids";

describe("newOrderId", () => {
  it("carries India's date: 20:00 UTC on the 22nd is 1:30 am IST on the 23rd", () => {
    const at = new Date("2026-11-22T20:00:00Z");
    expect(newOrderId(at)).toMatch(/^KC-261123-[A-Z2-9]{8}$/);
    // The same day the order page prints as the order's date (lib/format.ts, Asia/Kolkata).
    expect(`KC-${formatIsoDate(at).slice(2).replaceAll("-", "")}-`).toBe(newOrderId(at).slice(0, 10));
  });

  it("turns the day at India's midnight (18:30 UTC), not at UTC's", () => {
    expect(newOrderId(new Date("2026-11-22T18:29:59Z"))).toMatch(/^KC-261122-/); // 11:59:59 pm IST
    expect(newOrderId(new Date("2026-11-22T18:30:00Z"))).toMatch(/^KC-261123-/); // midnight IST
    expect(newOrderId(new Date("2026-11-23T00:30:00Z"))).toMatch(/^KC-261123-/); // 6 am IST
  });
});
