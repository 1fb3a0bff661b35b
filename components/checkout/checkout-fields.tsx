import type { ReactNode } from "react";

import type { CustomerField } from "@/lib/checkout-schema";
import { INDIAN_STATES } from "@/lib/gst/codes";

export interface CheckoutFieldProps {
  name: CustomerField;
  label: string;
  error?: string;
  type?: string;
  autoComplete?: string;
  inputMode?: "tel" | "numeric" | "email";
  optional?: boolean;
  autoCapitalize?: string;
  className?: string;
  /** Given for a field the form fills in itself (the city, from the PIN code); else the input keeps its own value. */
  value?: string;
  /** A line under the field that is not an error (what the PIN code told), announced as it changes. */
  hint?: ReactNode;
  onChange?: (value: string) => void;
}

/** A text field of the checkout form, with its error tied to it. */
export function CheckoutField({
  name,
  label,
  error,
  type,
  optional,
  className,
  hint,
  onChange,
  ...input
}: CheckoutFieldProps) {
  const describedBy = [error && `${name}-error`, hint !== undefined && `${name}-hint`].filter(Boolean).join(" ");
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
        aria-describedby={describedBy || undefined}
        className="w-full rounded-lg border border-stone-300 px-3 py-2 aria-invalid:border-red-600"
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p id={`${name}-hint`} aria-live="polite" className="mt-1 text-sm text-stone-600 empty:hidden">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * The state to ship to: it decides the place of supply, and so CGST and SGST or IGST. Filled in from the PIN code;
 * the shopper may change it, and the server refuses a state the PIN code is not in.
 */
export function StateField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string;
  onChange: (state: string) => void;
}) {
  return (
    <div>
      <label htmlFor="state" className="mb-1 block text-sm font-medium">
        State
      </label>
      <select
        id="state"
        name="state"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="address-level1"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "state-error" : undefined}
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-red-600"
      >
        <option value="" disabled>
          Choose…
        </option>
        {INDIAN_STATES.map((state) => (
          <option key={state}>{state}</option>
        ))}
      </select>
      {error && (
        <p id="state-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
