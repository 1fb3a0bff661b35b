"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { saveProductAction } from "@/lib/actions/admin/products";
import { MAKER_ROLE_LABELS, MAKER_ROLES, type ProductDeclarations } from "@/lib/declarations";
import { formatRate, GST_RATES_BPS } from "@/lib/gst/codes";

import { ActionStatus, useActionStatus } from "./action-status";
import { SelectField, TextField } from "./form-field";
import { PackFields, type PackValues } from "./pack-fields";

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
    declarations: ProductDeclarations;
  };
  /** Sold as one item (or new): its SKU, price, MRP and net quantity are edited here, not per variant. */
  pack?: PackValues | null;
}

const UPLOAD_REFUSED = "The upload was refused: images must be 5 MB or smaller.";

const field = "mt-1 block w-full rounded-lg border px-2 py-1.5";
const group = "grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-2";
const legend = "px-1 text-sm font-semibold";

/**
 * A product's details, in the order a merchant thinks of them: name, description, category, price, the declarations
 * the law asks for, then how the shop and the tax invoice file it. One form, one Save.
 */
export function ProductForm({ product, pack }: ProductFormProps) {
  const router = useRouter();
  const { pending, outcome, errors, run } = useActionStatus();
  const declared = product?.declarations;
  const [food, setFood] = useState(declared?.food ?? false);
  const [refused, setRefused] = useState<string | null>(null);
  const errorOf = (name: string) => (name === "image" && refused) || errors[name];
  return (
    <form
      aria-label="Product"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setRefused(null);
        run(
          async () => {
            try {
              return await saveProductAction(data);
            } catch {
              // The request itself was refused (a file far over the limit never reaches the action).
              setRefused(UPLOAD_REFUSED);
              return { ok: false as const, error: UPLOAD_REFUSED };
            }
          },
          (result) => {
            if (result.ok && !product && "data" in result && result.data)
              router.push(`/admin/products/${(result.data as { id: string }).id}`);
          },
        );
      }}
    >
      <input type="hidden" name="id" value={product?.id ?? ""} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={product?.name}
          error={errors.name}
          className="sm:col-span-2"
        />
        <label className="text-sm font-medium sm:col-span-2">
          Description
          <textarea
            name="description"
            required
            rows={4}
            defaultValue={product?.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "description-error" : undefined}
            className={`${field} ${errors.description ? "border-red-500" : "border-stone-300"}`}
          />
          {errors.description && (
            <span id="description-error" className="mt-1 block text-xs font-normal text-red-700">
              {errors.description}
            </span>
          )}
        </label>
        <TextField
          label="Category"
          name="category"
          required
          defaultValue={product?.category}
          error={errors.category}
          placeholder="Tea & Coffee"
        />
      </div>

      {pack !== null && (
        <fieldset className={`${group} grid-cols-2`}>
          <legend className={legend}>Price and pack</legend>
          <PackFields values={pack} errors={errors} />
        </fieldset>
      )}

      <fieldset className={`${group} grid-cols-1`}>
        <legend className={legend}>Legal declarations</legend>
        <p className="text-xs text-stone-600 sm:col-span-2">
          Shown on the product page, as the Legal Metrology (Packaged Commodities) Rules 2011 (rule 6) and the Consumer
          Protection (E-Commerce) Rules 2020 ask of pre-packaged goods. The customer-care contact is shop-wide
          (Settings).
        </p>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input name="prepackaged" type="checkbox" defaultChecked={declared?.prepackaged ?? true} /> Sold pre-packaged
        </label>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            name="food"
            type="checkbox"
            checked={food}
            onChange={(event) => setFood(event.currentTarget.checked)}
          />{" "}
          Food (declares a best-before period)
        </label>
        <TextField
          label="Generic name"
          name="genericName"
          defaultValue={declared?.genericName ?? ""}
          error={errors.genericName}
          placeholder="Roasted coffee with chicory"
        />
        <TextField
          label="Country of origin"
          name="countryOfOrigin"
          defaultValue={declared?.countryOfOrigin ?? (product ? "" : "India")}
          error={errors.countryOfOrigin}
        />
        <SelectField
          label="Declared as"
          name="makerRole"
          defaultValue={declared?.makerRole ?? ""}
          error={errors.makerRole}
        >
          <option value="">Choose…</option>
          {MAKER_ROLES.map((role) => (
            <option key={role} value={role}>
              {MAKER_ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Their name"
          name="makerName"
          defaultValue={declared?.makerName ?? ""}
          error={errors.makerName}
        />
        <TextField
          label="Their complete address"
          name="makerAddress"
          defaultValue={declared?.makerAddress ?? ""}
          error={errors.makerAddress}
          className="sm:col-span-2"
        />
        {food && (
          <TextField
            label="Best before"
            name="bestBefore"
            defaultValue={declared?.bestBefore ?? ""}
            error={errors.bestBefore}
            placeholder="12 months from the date of packing"
            className="sm:col-span-2"
          />
        )}
      </fieldset>

      <fieldset className={`${group} grid-cols-1`}>
        <legend className={legend}>Shop and tax</legend>
        <TextField label="URL slug" name="slug" required defaultValue={product?.slug} error={errors.slug} />
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
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
          <input name="featured" type="checkbox" defaultChecked={product?.featured} /> Featured on the home page
        </label>
        {/* Later photos go through the gallery, on the product's page: one way in. */}
        {!product && (
          <TextField
            label="First photo (PNG, JPEG or WebP, up to 5 MB)"
            name="image"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            error={errorOf("image")}
            className="sm:col-span-2"
          />
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : product ? "Save product" : "Create product"}
        </button>
        <ActionStatus outcome={outcome} />
      </div>
    </form>
  );
}
