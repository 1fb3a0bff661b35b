import type { LockedVariant } from "@/db/queries/orders";
import type { CustomerDetails } from "@/lib/checkout-schema";
import { variantName } from "@/lib/variants";

/** What the shopper's checkout form sends (validated by the action); everything else is read from the database. */
export interface PlaceOrderInput {
  cartId: string;
  customer: CustomerDetails;
  checkoutAttemptId: string;
  expectedTotalPaise: number;
}

export type PlaceOrderResult =
  | { ok: true; orderId: string; accessToken: string; paymentSessionId: string }
  | {
      ok: false;
      code:
        | "empty_cart"
        | "stock_changed"
        | "price_changed"
        | "payment_unavailable"
        | "order_closed"
        | "payments_paused"
        | "rate_limited";
      message: string;
    };

/** A checkout the cart as it stands cannot make: nothing is written, the shopper is told why. */
export class CheckoutRefusal extends Error {
  constructor(
    readonly code: "empty_cart" | "stock_changed" | "price_changed",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The order's lines, priced from the variants as locked now (never from the browser): refused when a variant is
 * no longer sold or has too few left.
 */
export function priceCartLines(lines: { variantId: string; quantity: number }[], locked: LockedVariant[]) {
  const byId = new Map(locked.map((variant) => [variant.id, variant]));
  return lines.map((line) => {
    const variant = byId.get(line.variantId);
    if (!variant || variant.withdrawn)
      throw new CheckoutRefusal("stock_changed", "An item in your cart is no longer sold. Please review your cart.");
    const name = variantName(variant.productName, variant.optionValues);
    if (variant.stock < line.quantity) {
      const left = variant.stock === 0 ? "is sold out" : `has only ${variant.stock} left`;
      throw new CheckoutRefusal("stock_changed", `${name} ${left}. Please review your cart.`);
    }
    return {
      productId: variant.productId,
      variantId: variant.id,
      sku: variant.sku,
      productName: name,
      hsnCode: variant.hsnCode,
      gstRateBps: variant.gstRateBps,
      unitPricePaise: variant.pricePaise,
      quantity: line.quantity,
      lineTotalPaise: variant.pricePaise * line.quantity,
    };
  });
}
