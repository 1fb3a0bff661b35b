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

  it.each([
    ["phone", "12345", "Enter a 10-digit Indian mobile number"],
    ["phone", "5876543210", "Enter a 10-digit Indian mobile number"],
    ["pincode", "56001", "Enter a 6-digit PIN code"],
    ["pincode", "060001", "Enter a 6-digit PIN code"],
    ["email", "asha@", "Enter a valid email address"],
    ["state", "Atlantis", "Choose your state"],
    ["name", "  ", "Full name is required"],
  ])("refuses %s=%j with a field message", (field, value, message) => {
    const result = customerDetailsSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});
