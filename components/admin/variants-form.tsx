"use client";

import { saveVariantsAction, setVariantOnSaleAction } from "@/lib/actions/admin/products";

import { ActionButton } from "./action-button";
import { ActionStatus, useActionStatus } from "./action-status";
import { SelectField } from "./form-field";
import { PackFields, type PackValues } from "./pack-fields";

export interface VariantRow extends PackValues {
  id: string;
  /** "250 g · Filter". */
  title: string;
  imageId: string | null;
}

const FIELDS = ["variantId", "sku", "price", "mrp", "netQuantity", "netQuantityUnit", "imageId"] as const;

/** Every variant on sale in one form: SKU, price, MRP, net quantity and the photo that shows it; one Save. */
export function VariantsForm({
  productId,
  variants,
  photos,
}: {
  productId: string;
  variants: VariantRow[];
  photos: { id: string; alt: string }[];
}) {
  const { pending, outcome, errors, run } = useActionStatus();
  return (
    <form
      aria-label="Variants"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        // Each field once per row, in the rows' order.
        const columns = FIELDS.map((field) => data.getAll(field).map(String));
        const rows = variants.map((_, i) =>
          Object.fromEntries(FIELDS.map((field, f) => [field, columns[f]![i] ?? ""])),
        );
        run(() => saveVariantsAction({ productId, rows }));
      }}
    >
      {variants.map((variant) => (
        <fieldset key={variant.id} className="border-t border-stone-100 pt-3">
          <legend className="sr-only">{variant.title}</legend>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 aria-hidden className="text-sm font-semibold">
              {variant.title}
            </h3>
            {variants.length > 1 && (
              <ActionButton
                label="Stop selling"
                run={() => setVariantOnSaleAction({ variantId: variant.id, onSale: false })}
              />
            )}
          </div>
          <div className="grid grid-cols-2 gap-2 lg:grid-cols-[6.5rem_6.5rem_6rem_6rem_minmax(8rem,1fr)_minmax(8rem,1fr)]">
            <input type="hidden" name="variantId" value={variant.id} />
            <PackFields values={variant} errors={errors} id={variant.id} />
            <SelectField label="Photo" name="imageId" defaultValue={variant.imageId ?? ""}>
              <option value="">The product&apos;s cover</option>
              {photos.map((photo, i) => (
                <option key={photo.id} value={photo.id}>
                  {i + 1}. {photo.alt}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save variants"}
        </button>
        <ActionStatus outcome={outcome} />
      </div>
    </form>
  );
}
