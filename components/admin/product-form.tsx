"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { saveProductAction } from "@/lib/actions/admin/products";
import { formatRate, GST_RATES_BPS } from "@/lib/gst/codes";

import { SelectField, TextField } from "./form-field";

interface ProductFormProps {
  product?: {
    id: string;
    name: string;
    slug: string;
    description: string;
    category: string;
    hsnCode: string;
    gstRateBps: number;
    featured: boolean;
  };
}

const UPLOAD_REFUSED = "The upload was refused: images must be 5 MB or smaller.";

const field = "mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1.5";

export function ProductForm({ product }: ProductFormProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      aria-label="Product"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        start(async () => {
          try {
            const outcome = await saveProductAction(data);
            setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
            setErrors(outcome.ok ? {} : (outcome.fieldErrors ?? {}));
            if (outcome.ok && !product) router.push("/admin/products");
          } catch {
            // The request itself was refused (a file far over the limit never reaches the action).
            setResult({ ok: false, text: UPLOAD_REFUSED });
            setErrors({ image: UPLOAD_REFUSED });
          }
        });
      }}
    >
      <input type="hidden" name="id" value={product?.id ?? ""} />
      <TextField label="Name" name="name" required defaultValue={product?.name} error={errors.name} />
      <TextField label="URL slug" name="slug" required defaultValue={product?.slug} error={errors.slug} />
      <TextField label="Category" name="category" required defaultValue={product?.category} error={errors.category} />
      {/* Once saved, prices are its variants' (below the details). */}
      {!product && (
        <>
          <TextField label="Price (₹, GST included)" name="price" inputMode="decimal" required error={errors.price} />
          <TextField label="SKU (optional: the slug in capitals)" name="sku" error={errors.sku} />
        </>
      )}
      <TextField
        label="HSN code"
        name="hsnCode"
        inputMode="numeric"
        required
        defaultValue={product?.hsnCode}
        error={errors.hsnCode}
      />
      <SelectField label="GST rate" name="gstRate" defaultValue={product?.gstRateBps ?? 1800} error={errors.gstRate}>
        {GST_RATES_BPS.map((rate) => (
          <option key={rate} value={rate}>
            {formatRate(rate)}
          </option>
        ))}
      </SelectField>
      <label className="text-sm font-medium sm:col-span-2">
        Description
        <textarea name="description" required rows={4} defaultValue={product?.description} className={field} />
      </label>
      <TextField
        label="Image (PNG, JPEG or WebP, up to 5 MB)"
        name="image"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        error={errors.image}
      />
      <label className="flex items-center gap-2 self-end text-sm font-medium">
        <input name="featured" type="checkbox" defaultChecked={product?.featured} /> Featured on the home page
      </label>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save product"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`mt-2 text-sm ${result?.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {result?.text}
        </p>
      </div>
    </form>
  );
}
