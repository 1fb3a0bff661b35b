"use client";

import { saveCustomerCareAction } from "@/lib/actions/admin/settings";
import type { CustomerCare } from "@/lib/customer-care";

import { ActionStatus, useActionStatus } from "./action-status";
import { TextField } from "./form-field";

/** The consumer-care contact on every product page: who handles complaints, where, by phone and e-mail. */
export function CustomerCareForm({ customerCare }: { customerCare: CustomerCare }) {
  const { pending, outcome, errors, run } = useActionStatus();
  return (
    <form
      aria-label="Customer care"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const field = (name: string) => String(data.get(name) ?? "");
        run(() =>
          saveCustomerCareAction({
            name: field("name"),
            address: field("address"),
            phone: field("phone"),
            email: field("email"),
          }),
        );
      }}
    >
      <TextField
        label="Person or office"
        name="name"
        required
        defaultValue={customerCare.name}
        error={errors.name}
        className="sm:col-span-2"
      />
      <TextField
        label="Address"
        name="address"
        required
        defaultValue={customerCare.address}
        error={errors.address}
        className="sm:col-span-2"
      />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        required
        defaultValue={customerCare.phone}
        error={errors.phone}
      />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        required
        defaultValue={customerCare.email}
        error={errors.email}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save customer care"}
        </button>
        <ActionStatus outcome={outcome} />
      </div>
    </form>
  );
}
