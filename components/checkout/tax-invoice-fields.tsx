import { GstBreakdown } from "@/components/order/gst-breakdown";
import type { CartGst } from "@/lib/cart";
import type { CustomerField } from "@/lib/checkout-schema";

import { CheckoutField } from "./checkout-fields";

/**
 * A business buyer's GSTIN and name for the tax invoice, and the GST the order will carry once the state to ship to
 * is known (`place`, the place of supply).
 */
export function TaxInvoiceFields({
  business,
  onBusinessChange,
  onGstinChange,
  errors,
  place,
  gst,
}: {
  business: boolean;
  onBusinessChange: (business: boolean) => void;
  onGstinChange: (gstin: string) => void;
  errors: Partial<Record<CustomerField, string>>;
  place: string | null;
  gst: CartGst;
}) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-stone-200 p-3">
      <legend className="px-1 text-sm font-medium">Tax invoice</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="business"
          checked={business}
          onChange={(event) => onBusinessChange(event.target.checked)}
        />
        Business purchase: put my GSTIN on the invoice
      </label>
      {business && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <CheckoutField
            name="businessGstin"
            label="GSTIN"
            error={errors.businessGstin}
            onChange={onGstinChange}
            autoCapitalize="characters"
          />
          <CheckoutField name="businessName" label="Business name (as on the GSTIN)" error={errors.businessName} />
        </div>
      )}
      {place ? (
        <div className="space-y-1">
          <p className="text-sm">
            Place of supply: <strong>{place}</strong>
          </p>
          <GstBreakdown quote={place === gst.sellerState ? gst.intraState : gst.interState} />
        </div>
      ) : (
        <p className="text-sm text-stone-600">Prices include GST. Choose your state to see CGST and SGST or IGST.</p>
      )}
    </fieldset>
  );
}
