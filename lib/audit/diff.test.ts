import { describe, expect, it } from "vitest";

import { changeLines, detailLines, fieldLabel } from "./diff";

describe("audit diff", () => {
  it("reads a price change in rupees, changed fields first", () => {
    expect(
      changeLines(
        { sku: "DABBA-1", pricePaise: 149_900, imageId: null },
        { sku: "DABBA-1", pricePaise: 100, imageId: null },
      ),
    ).toEqual([
      { field: "price", before: "₹1,499.00", after: "₹1.00", changed: true },
      { field: "sku", before: "DABBA-1", after: "DABBA-1", changed: false },
      { field: "image id", before: "—", after: "—", changed: false },
    ]);
  });

  it("flattens nested settings field by field and words booleans", () => {
    const lines = changeLines(
      { auto_refund_late_payments: false, seller: { gstin: "29AAKFK4821M1ZU", state: "Karnataka" } },
      { auto_refund_late_payments: true, seller: { gstin: "29AAKFK4821M1ZU", state: "Kerala" } },
    );
    expect(lines.filter((l) => l.changed)).toEqual([
      { field: "auto refund late payments", before: "no", after: "yes", changed: true },
      { field: "seller · state", before: "Karnataka", after: "Kerala", changed: true },
    ]);
  });

  it("shows a creation as values without a before, and details as label and value", () => {
    expect(changeLines(null, { name: "Cardamom" })).toEqual([
      { field: "name", before: "—", after: "Cardamom", changed: true },
    ]);
    expect(detailLines({ amountPaise: 10_050, invalidFields: ["delta", "reason"], variants: { created: 2 } })).toEqual([
      { field: "amount", value: "₹100.50" },
      { field: "invalid fields", value: "delta, reason" },
      { field: "variants · created", value: "2" },
    ]);
    expect(fieldLabel("checkoutVariant")).toBe("checkout variant");
  });

  it("names the checkout variant as the settings page does: Popup, not modal", () => {
    const [line] = changeLines({ checkout_variant: "redirect" }, { checkout_variant: "modal" });
    expect(line).toEqual({ field: "checkout variant", before: "Redirect", after: "Popup", changed: true });
    expect(detailLines({ checkoutVariant: "inline" })).toEqual([{ field: "checkout variant", value: "Inline" }]);
  });

  it("keeps the SKUs a form saving several variants keys their changes by", () => {
    expect(changeLines({ "COORG-250-FLT": { stock: 75 } }, { "COORG-250-FLT": { stock: 80 } })).toEqual([
      { field: "COORG-250-FLT · stock", before: "75", after: "80", changed: true },
    ]);
    expect(fieldLabel("MASALA-CHAI-200.mrpPaise")).toBe("MASALA-CHAI-200 · mrp");
  });
});
