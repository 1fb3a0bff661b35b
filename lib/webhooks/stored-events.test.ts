import { describe, expect, it } from "vitest";

import { rememberStored, wasStored } from "./stored-events";

describe("stored webhook events remembered in this process", () => {
  it("knows an event by either of its keys", () => {
    rememberStored("PAYMENT_SUCCESS_WEBHOOK:1", "idem-1");
    expect(wasStored("PAYMENT_SUCCESS_WEBHOOK:1", null)).toBe(true);
    expect(wasStored("other", "idem-1")).toBe(true);
    expect(wasStored("idem-1")).toBe(true);
    expect(wasStored("PAYMENT_SUCCESS_WEBHOOK:2", "idem-2")).toBe(false);
  });

  it("keeps at most 10,000 events' keys, forgetting the oldest first", () => {
    for (let i = 0; i < 10_001; i++) rememberStored(`E:${i}`, null);
    expect(wasStored("E:0")).toBe(false);
    expect(wasStored("E:1")).toBe(true);
    expect(wasStored("E:10000")).toBe(true);
  });
});
