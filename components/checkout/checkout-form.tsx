"use client";

import { fail } from "@/lib/actions/result";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { CashfreePayButton, type CashfreeSdkProps } from "@/components/checkout/cashfree-pay-button";
import type { CheckoutVariant } from "@/lib/cashfree/browser";
import { customerDetailsSchema, type CustomerField, INDIAN_STATES } from "@/lib/checkout-schema";

import { placeOrderAction } from "@/app/checkout/actions";

const FIELDS: {
  name: CustomerField;
  label: string;
  type?: string;
  autoComplete: string;
  inputMode?: "tel" | "numeric" | "email";
  optional?: boolean;
}[] = [
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
}

export function CheckoutForm({ totalPaise, payLabel, variant, sdk }: CheckoutFormProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  // One id per checkout attempt: a double click or a retry finds the same order instead of making a second.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Partial<Record<CustomerField, string>>>({});

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
          <div
            key={field.name}
            className={field.name === "line1" || field.name === "line2" ? "sm:col-span-2" : undefined}
          >
            <label htmlFor={field.name} className="mb-1 block text-sm font-medium">
              {field.label}
            </label>
            <input
              id={field.name}
              name={field.name}
              type={field.type ?? "text"}
              autoComplete={field.autoComplete}
              inputMode={field.inputMode}
              required={!field.optional}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
              className="w-full rounded-lg border border-stone-300 px-3 py-2 aria-invalid:border-red-600"
            />
            {errors[field.name] && (
              <p id={`${field.name}-error`} className="mt-1 text-sm text-red-700">
                {errors[field.name]}
              </p>
            )}
          </div>
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
      <CashfreePayButton sdk={sdk} variant={variant} label={payLabel} getSession={getSession} />
    </form>
  );
}
