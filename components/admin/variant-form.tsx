"use client";

import { saveVariantAction } from "@/lib/actions/admin/products";

import { ActionStatus, useActionStatus } from "./action-status";
import { SelectField, TextField } from "./form-field";

interface VariantFormProps {
  variant: { id: string; title: string; sku: string; priceRupees: string; imageId: string | null };
  photos: { id: string; alt: string }[];
}

/** One variant's SKU, price and the photo that shows it. */
export function VariantForm({ variant, photos }: VariantFormProps) {
  const { pending, outcome, errors, run } = useActionStatus();
  return (
    <form
      aria-label={`Variant ${variant.title}`}
      className="grid gap-2 sm:grid-cols-[1fr_8rem_1fr_auto] sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run(() =>
          saveVariantAction({
            variantId: variant.id,
            sku: String(data.get("sku") ?? ""),
            price: String(data.get("price") ?? ""),
            imageId: String(data.get("imageId") ?? ""),
          }),
        );
      }}
    >
      <TextField label="SKU" name="sku" required defaultValue={variant.sku} error={errors.sku} />
      <TextField
        label="Price (₹)"
        name="price"
        inputMode="decimal"
        required
        defaultValue={variant.priceRupees}
        error={errors.price}
      />
      <SelectField label="Photo" name="imageId" defaultValue={variant.imageId ?? ""}>
        <option value="">The product&apos;s cover</option>
        {photos.map((photo, i) => (
          <option key={photo.id} value={photo.id}>
            {i + 1}. {photo.alt}
          </option>
        ))}
      </SelectField>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save"}
      </button>
      <ActionStatus outcome={outcome} className="sm:col-span-4" />
    </form>
  );
}
