"use client";

import { useState, useTransition } from "react";

import { saveSellerAction } from "@/lib/actions/admin/settings";
import { INDIAN_STATES } from "@/lib/gst/codes";
import type { Seller } from "@/lib/gst/seller";

import { SelectField, TextField } from "./form-field";

/** The business on the tax invoices: legal name, GSTIN, registered address and state, numbering. */
export function SellerForm({ seller }: { seller: Seller }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      aria-label="Tax details"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const field = (name: string) => String(data.get(name) ?? "");
        start(async () => {
          const result = await saveSellerAction({
            legalName: field("legalName"),
            gstin: field("gstin"),
            address: field("address"),
            state: field("state") as Seller["state"],
            invoicePrefix: field("invoicePrefix"),
            creditNotePrefix: field("creditNotePrefix"),
          });
          setMessage(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.error });
          setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
        });
      }}
    >
      <TextField
        label="Legal name (as registered)"
        name="legalName"
        required
        defaultValue={seller.legalName}
        error={errors.legalName}
      />
      <TextField
        label="GSTIN"
        name="gstin"
        required
        autoCapitalize="characters"
        defaultValue={seller.gstin}
        error={errors.gstin}
      />
      <TextField
        label="Registered address, ending with its PIN code"
        name="address"
        required
        placeholder="12 Residency Road, Bengaluru 560025"
        defaultValue={seller.address}
        error={errors.address}
        className="sm:col-span-2"
      />
      <SelectField label="State of registration" name="state" defaultValue={seller.state} error={errors.state}>
        {INDIAN_STATES.map((state) => (
          <option key={state}>{state}</option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Invoice prefix"
          name="invoicePrefix"
          required
          maxLength={3}
          defaultValue={seller.invoicePrefix}
          error={errors.invoicePrefix}
        />
        <TextField
          label="Credit note prefix"
          name="creditNotePrefix"
          required
          maxLength={3}
          defaultValue={seller.creditNotePrefix}
          error={errors.creditNotePrefix}
        />
      </div>
      <p className="text-xs text-stone-600 sm:col-span-2">
        Numbers look like {seller.invoicePrefix}/26-27/000001 and start again each April. Issued invoices keep the
        details they were issued with.
      </p>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save tax details"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`mt-2 text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}
