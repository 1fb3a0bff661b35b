"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { CashfreePayButton, type CashfreeSdkProps } from "@/components/checkout/cashfree-pay-button";
import { GstBreakdown } from "@/components/order/gst-breakdown";
import { placeOrderAction } from "@/lib/actions/checkout";
import { fail } from "@/lib/actions/result";
import type { CartGst } from "@/lib/cart";
import type { CheckoutVariant } from "@/lib/cashfree/browser";
import { customerDetailsSchema, type CustomerField } from "@/lib/checkout-schema";
import { INDIAN_STATES } from "@/lib/gst/codes";
import { placeOfSupply } from "@/lib/gst/tax";

const FIELDS: CheckoutFieldProps[] = [
  { name: "name", label: "Full name", autoComplete: "name" },
  { name: "email", label: "Email", type: "email", autoComplete: "email", inputMode: "email" },
  { name: "phone", label: "Mobile number", type: "tel", autoComplete: "tel-national", inputMode: "tel" },
  { name: "line1", label: "Address", autoComplete: "address-line1" },
  { name: "line2", label: "Apartment, landmark (optional)", autoComplete: "address-line2", optional: true },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "pincode", label: "PIN code", autoComplete: "postal-code", inputMode: "numeric" },
];

interface CheckoutFormProps {
  totalPaise: number;
  payLabel: string;
  variant: CheckoutVariant;
  sdk: CashfreeSdkProps;
  gst: CartGst;
}

export function CheckoutForm({ totalPaise, payLabel, variant, sdk, gst }: CheckoutFormProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  // One id per checkout attempt: a double click or a retry finds the same order instead of making a second.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Partial<Record<CustomerField, string>>>({});
  const [business, setBusiness] = useState(false);
  const [shippingState, setShippingState] = useState("");
  const [gstin, setGstin] = useState("");
  const place = shippingState
    ? placeOfSupply({ shippingState, buyerGstin: business ? gstin.replace(/\s/g, "").toUpperCase() : null })
    : null;

  async function getSession() {
    const values = Object.fromEntries(new FormData(form.current!)) as Record<CustomerField, string>;
    const local = customerDetailsSchema.safeParse(values);
    if (!local.success) {
      const fieldErrors: Partial<Record<CustomerField, string>> = {};
      for (const issue of local.error.issues) fieldErrors[issue.path[0] as CustomerField] ??= issue.message;
      setErrors(fieldErrors);
      form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return fail("Please check the highlighted fields.");
    }
    setErrors({});
    const result = await placeOrderAction({
      customer: local.data,
      checkoutAttemptId: attemptId,
      expectedTotalPaise: totalPaise,
    });
    if (result.ok) return result;
    setErrors(result.fieldErrors ?? {});
    if (result.reload) router.refresh();
    return result;
  }

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      className="space-y-4"
      aria-label="Shipping details"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <CheckoutField
            key={field.name}
            {...field}
            error={errors[field.name]}
            className={field.name === "line1" || field.name === "line2" ? "sm:col-span-2" : undefined}
          />
        ))}
        <div>
          <label htmlFor="state" className="mb-1 block text-sm font-medium">
            State
          </label>
          <select
            id="state"
            name="state"
            required
            defaultValue=""
            onChange={(event) => setShippingState(event.target.value)}
            autoComplete="address-level1"
            aria-invalid={errors.state ? true : undefined}
            aria-describedby={errors.state ? "state-error" : undefined}
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-red-600"
          >
            <option value="" disabled>
              Choose…
            </option>
            {INDIAN_STATES.map((state) => (
              <option key={state}>{state}</option>
            ))}
          </select>
          {errors.state && (
            <p id="state-error" className="mt-1 text-sm text-red-700">
              {errors.state}
            </p>
          )}
        </div>
      </div>
      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">Tax invoice</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="business"
            checked={business}
            onChange={(event) => setBusiness(event.target.checked)}
          />
          Business purchase: put my GSTIN on the invoice
        </label>
        {business && (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <CheckoutField
              name="businessGstin"
              label="GSTIN"
              error={errors.businessGstin}
              onChange={setGstin}
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
      <CashfreePayButton sdk={sdk} variant={variant} label={payLabel} getSession={getSession} />
    </form>
  );
}

interface CheckoutFieldProps {
  name: CustomerField;
  label: string;
  error?: string;
  type?: string;
  autoComplete?: string;
  inputMode?: "tel" | "numeric" | "email";
  optional?: boolean;
  autoCapitalize?: string;
  className?: string;
  onChange?: (value: string) => void;
}

/** A text field of the checkout form, with its error tied to it. */
function CheckoutField({ name, label, error, type, optional, className, onChange, ...input }: CheckoutFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type ?? "text"}
        required={!optional}
        {...input}
        onChange={onChange && ((event) => onChange(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="w-full rounded-lg border border-stone-300 px-3 py-2 aria-invalid:border-red-600"
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
