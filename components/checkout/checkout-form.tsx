"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { CashfreePayButton, type CashfreeSdkProps } from "@/components/checkout/cashfree-pay-button";
import { CheckoutField, type CheckoutFieldProps } from "@/components/checkout/checkout-fields";
import { LocalityFields } from "@/components/checkout/locality-fields";
import { TaxInvoiceFields } from "@/components/checkout/tax-invoice-fields";
import { placeOrderAction } from "@/lib/actions/checkout";
import { fail } from "@/lib/actions/result";
import type { CartGst } from "@/lib/cart";
import type { CheckoutVariant } from "@/lib/checkout-variants";
import { customerDetailsSchema, type CustomerField } from "@/lib/checkout-schema";
import { placeOfSupply } from "@/lib/gst/tax";

const FIELDS: CheckoutFieldProps[] = [
  { name: "name", label: "Full name", autoComplete: "name" },
  { name: "email", label: "Email", type: "email", autoComplete: "email", inputMode: "email" },
  { name: "phone", label: "Mobile number", type: "tel", autoComplete: "tel-national", inputMode: "tel" },
  { name: "line1", label: "Address", autoComplete: "address-line1" },
  { name: "line2", label: "Apartment, landmark (optional)", autoComplete: "address-line2", optional: true },
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
        <LocalityFields errors={errors} onStateChange={setShippingState} />
      </div>
      <TaxInvoiceFields
        business={business}
        onBusinessChange={setBusiness}
        onGstinChange={setGstin}
        errors={errors}
        place={place}
        gst={gst}
      />
      <CashfreePayButton sdk={sdk} variant={variant} label={payLabel} getSession={getSession} />
    </form>
  );
}
