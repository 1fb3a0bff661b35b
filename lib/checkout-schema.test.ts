import { describe, expect, it } from "vitest";

import { customerDetailsSchema } from "./checkout-schema";

const valid = {
  name: "Asha Rao",
  email: "Asha@Example.com ",
  phone: "+91 98765 43210",
  line1: "12 MG Road",
  city: "Bengaluru",
  state: "Karnataka",
  pincode: "560001",
};

describe("customerDetailsSchema", () => {
  it("takes a business purchase's GSTIN and name, canonical, and drops empty business fields", () => {
    expect(
      customerDetailsSchema.parse({ ...valid, businessGstin: "27aapfu0939f1zv", businessName: " Unnati Traders " }),
    ).toMatchObject({ businessGstin: "27AAPFU0939F1ZV", businessName: "Unnati Traders" });
    const consumer = customerDetailsSchema.parse({ ...valid, businessGstin: "", businessName: "" });
    expect(consumer.businessGstin).toBeUndefined();
    expect(consumer.businessName).toBeUndefined();
  });

  it("refuses a business purchase with a bad GSTIN or without its name, on the right field", () => {
    const issues = (input: object) =>
      customerDetailsSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ businessGstin: "27AAPFU0939F1ZW", businessName: "Unnati" })).toEqual([
      ["businessGstin", "This GSTIN's check character does not match: please check for a typo"],
    ]);
    expect(issues({ businessGstin: "27AAPFU0939F1ZV" })).toEqual([
      ["businessName", "Enter the business name on the GSTIN"],
    ]);
  });

  it("normalises a valid address", () => {
    expect(customerDetailsSchema.parse(valid)).toMatchObject({ email: "asha@example.com", phone: "9876543210" });
  });

  // Issue 28, item 6: each message names the rule the input broke, never one it kept.
  it.each([
    ["phone", "12345", "A mobile number has 10 digits; this has 5"],
    ["phone", "1234567890", "Indian mobile numbers start with 6, 7, 8 or 9"],
    ["phone", "5876543210", "Indian mobile numbers start with 6, 7, 8 or 9"],
    ["phone", "98765 4321x", "A mobile number has digits only, e.g. 98765 43210"],
    ["phone", "", "Enter a 10-digit mobile number"],
    ["pincode", "56001", "A PIN code has 6 digits; this has 5"],
    ["pincode", "012345", "PIN codes don't start with 0: the first digit is the postal region, 1 to 8"],
    ["pincode", "060001", "PIN codes don't start with 0: the first digit is the postal region, 1 to 8"],
    ["pincode", "5600O1", "A PIN code has digits only"],
    ["pincode", "900001", "PIN codes starting with 9 are Army Postal Service codes: enter a civilian address"],
    ["pincode", "", "Enter the 6-digit PIN code"],
    ["email", "asha@", "Enter a valid email address"],
    ["email", `${"a".repeat(95)}@example.com`, "An email address has at most 100 characters"],
    ["state", "Atlantis", "Choose your state"],
    ["name", "  ", "Full name is required"],
    ["name", "A", "Full name must be at least 3 characters"],
    ["line1", "12", "Address must be at least 3 characters"],
    ["city", "B", "City must be at least 2 characters"],
  ])("refuses %s=%j with the rule it broke", (field, value, message) => {
    const result = customerDetailsSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.filter((i) => i.path[0] === field).map((i) => i.message)).toEqual([message]);
  });

  it("takes a PIN code written with a space", () => {
    expect(customerDetailsSchema.parse({ ...valid, pincode: "560 001" }).pincode).toBe("560001");
  });
});
