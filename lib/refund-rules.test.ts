import { describe, expect, it } from "vitest";

import { refundAmountSchema, refundDestination } from "./refund-rules";

describe("refund rules", () => {
  it("names where a refund goes from the order's payment group", () => {
    expect(refundDestination("debit_card")).toBe("the customer's debit card");
    expect(refundDestination("upi")).toBe("the customer's UPI account");
    expect(refundDestination("net_banking")).toBe("the customer's bank account");
    expect(refundDestination(null)).toBe("the customer's original payment method");
    expect(refundDestination("something_new")).toBe("the customer's original payment method");
  });

  it("reads a refund amount as paise, as the action does", () => {
    expect(refundAmountSchema.parse("10")).toBe(1_000);
    expect(refundAmountSchema.safeParse("10.999").success).toBe(false);
  });
});
