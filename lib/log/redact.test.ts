import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";

import { describeError, redact } from "./redact";

describe("error logging", () => {
  // Review defect 8: a failed insert's log line carried the order's access token and the customer's details.
  it("keeps a database error's code, message and SQL, never its parameters", () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "orders_checkout_attempt_id_unique"'),
      { code: "23505" },
    );
    const params = [
      "KC-261202-7QH3M2XA",
      "Zk3v0qM2cJ8tWw1yP4r9nA",
      "Asha Rao",
      "asha@example.com",
      "9876543210",
      "12 MG Road",
      "Bengaluru",
    ];
    const error = new DrizzleQueryError(
      'insert into "orders" ("id", "access_token", "customer_name") values ($1, $2, $3)',
      params,
      cause,
    );
    const line = describeError(error);
    expect(line).toContain("23505");
    expect(line).toContain("orders_checkout_attempt_id_unique");
    expect(line).toContain('insert into "orders"');
    for (const value of params.slice(1)) expect(line).not.toContain(value);
  });

  it("redacts e-mails, phone numbers, tokens and keys in any message", () => {
    const text = redact(
      "refund for asha@example.com, phone +91 9876543210, token Zk3v0qM2cJ8tWw1yP4r9nA, key cfsk_ma_test_abc",
    );
    expect(text).toBe("refund for [email], phone [phone], token [token], key cfsk_[secret]");
    expect(describeError(new Error("Cashfree said: order_amount : Invalid amount entered"))).toBe(
      "Error: Cashfree said: order_amount : Invalid amount entered",
    );
  });
});
