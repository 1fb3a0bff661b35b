import { describe, expect, it } from "vitest";

import { gstinSchema, gstinState, hsnSchema, stateCode } from "./codes";

const errorOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error!.issues[0]!.message;

describe("GSTIN", () => {
  it.each([
    ["27AAPFU0939F1ZV", "Maharashtra"],
    ["29AAGCB7383J1Z4", "Karnataka"],
    ["07AAACR5055K1Z9", "Delhi"],
    ["33AABCT1332L1ZL", "Tamil Nadu"],
    ["29AAKFK4821M1ZU", "Karnataka"],
  ])("accepts %s, registered in %s", (gstin, state) => {
    expect(gstinSchema.parse(gstin)).toBe(gstin);
    expect(gstinState(gstin)).toBe(state);
  });

  it("accepts spaces and lower case as typed, and stores the canonical form", () => {
    expect(gstinSchema.parse(" 27aapfu0939f1zv ")).toBe("27AAPFU0939F1ZV");
    expect(gstinSchema.parse("27 AAPFU 0939 F1ZV")).toBe("27AAPFU0939F1ZV");
  });

  it("refuses a wrong check character (a one-letter typo)", () => {
    expect(errorOf(gstinSchema.safeParse("27AAPFU0939F1ZW"))).toMatch(/check character/);
    expect(errorOf(gstinSchema.safeParse("27AAPFU0939G1ZV"))).toMatch(/check character/);
    expect(gstinState("27AAPFU0939F1ZW")).toBeUndefined();
  });

  it("refuses a state code that does not exist", () => {
    expect(errorOf(gstinSchema.safeParse("00AAPFU0939F1ZV"))).toMatch(/00 is not a GST state code/);
    expect(errorOf(gstinSchema.safeParse("40AAPFU0939F1ZV"))).toMatch(/not a GST state code/);
  });

  it.each(["", "27AAPFU0939F1Z", "27AAPFU0939F1ZVX", "27AAPF00939F1ZV", "27AAPFU0939F0ZV", "27AAPFU0939F1YV"])(
    "refuses the malformed %j",
    (gstin) => {
      expect(errorOf(gstinSchema.safeParse(gstin))).toMatch(/15 characters/);
    },
  );
});

describe("HSN codes", () => {
  it.each(["0902", "740400", "74181022", "9965"])("accepts %s", (hsn) => {
    expect(hsnSchema.parse(hsn)).toBe(hsn);
  });

  it.each(["", "090", "09021", "0902102", "09A2", "0012"])("refuses %j", (hsn) => {
    expect(hsnSchema.safeParse(hsn).success).toBe(false);
  });
});

describe("state codes", () => {
  it("prints the current code where a state has had two", () => {
    expect(stateCode("Karnataka")).toBe("29");
    expect(stateCode("Andhra Pradesh")).toBe("37");
    expect(stateCode("Dadra and Nagar Haveli and Daman and Diu")).toBe("26");
  });
});
