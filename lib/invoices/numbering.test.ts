import { describe, expect, it } from "vitest";

import { documentNumber, financialYear, seriesFor } from "./numbering";

describe("financial years", () => {
  it("runs April to March by India's date", () => {
    expect(financialYear(new Date("2026-04-01T00:00:00+05:30"))).toBe("2026-27");
    expect(financialYear(new Date("2026-03-31T23:59:59+05:30"))).toBe("2025-26");
    // 31 March 20:00 UTC is already 1 April in India.
    expect(financialYear(new Date("2027-03-31T20:00:00Z"))).toBe("2027-28");
    expect(financialYear(new Date("2099-12-01T00:00:00Z"))).toBe("2099-00");
  });
});

describe("document numbers", () => {
  it("fits CGST Rule 46(b): at most 16 characters of letters, digits, - and /", () => {
    const number = documentNumber(seriesFor("KAV", "2026-27"), 123);
    expect(number).toBe("KAV/26-27/000123");
    expect(documentNumber(seriesFor("KCN", "2026-27"), 999_999)).toHaveLength(16);
    expect(number).toMatch(/^[A-Z0-9/-]{1,16}$/);
  });
});
