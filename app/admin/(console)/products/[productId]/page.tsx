import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { GalleryEditor } from "@/components/admin/gallery-editor";
import { OptionsForm } from "@/components/admin/options-form";
import { ProductForm } from "@/components/admin/product-form";
import { StockForm } from "@/components/admin/stock-form";
import { VariantForm } from "@/components/admin/variant-form";
import { Thumbnail } from "@/components/product/thumbnail";
import { setArchivedAction, setVariantOnSaleAction } from "@/lib/actions/admin/products";
import { getCatalogProduct } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { formatInr, paiseToRupeeString } from "@/lib/money";
import { variantTitle } from "@/lib/variants";

export const metadata: Metadata = { title: "Product · Admin" };

const section = "space-y-3 rounded-xl border border-stone-200 bg-white p-4";

export default async function AdminProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const admin = await requireAdminPage();
  const { productId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(productId)) notFound();
  const detail = await getCatalogProduct(productId);
  if (!detail) notFound();
  const { product, adjustments, images, variants } = detail;
  // Catalog and prices are the owner's; staff see them and keep stock counts.
  const isOwner = admin.role === "owner";
  const onSale = variants.filter((v) => !v.archivedAt);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{product.name}</h1>
        {isOwner && (
          <ActionButton
            label={product.archivedAt ? "Restore to shop" : "Archive"}
            run={setArchivedAction.bind(null, { productId: product.id, archived: !product.archivedAt })}
          />
        )}
      </div>
      {isOwner && (
        <section aria-label="Photos" className={section}>
          <h2 className="font-semibold">Photos</h2>
          <GalleryEditor
            productId={product.id}
            images={images.map((image) => ({ id: image.id, path: image.path, alt: image.alt }))}
          />
        </section>
      )}
      {isOwner && (
        <section aria-label="Options" className={section}>
          <h2 className="font-semibold">Options</h2>
          <OptionsForm productId={product.id} options={product.options} />
        </section>
      )}
      <section aria-label="Variants and stock" className={section}>
        <h2 className="font-semibold">
          Variants and stock: {onSale.reduce((n, v) => n + v.stock, 0)} available in all
        </h2>
        <ul className="divide-y divide-stone-100">
          {variants.map((variant) => {
            const title = variantTitle(variant.optionValues);
            return (
              <li key={variant.id} aria-label={title || product.name} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center gap-3">
                  <Thumbnail src={variant.imagePath ?? product.imagePath} size={48} />
                  <h3 className="font-medium">{title || "Sold as one item"}</h3>
                  <span className="text-sm text-stone-600">
                    {variant.sku} · {formatInr(variant.pricePaise)} · {variant.stock} in stock
                  </span>
                  {variant.archivedAt && (
                    <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs">not sold</span>
                  )}
                  {isOwner && variants.length > 1 && (
                    <div className="ml-auto">
                      <ActionButton
                        label={variant.archivedAt ? "Sell again" : "Stop selling"}
                        run={setVariantOnSaleAction.bind(null, { variantId: variant.id, onSale: !!variant.archivedAt })}
                      />
                    </div>
                  )}
                </div>
                {isOwner && !variant.archivedAt && (
                  <VariantForm
                    variant={{
                      id: variant.id,
                      title: title || product.name,
                      sku: variant.sku,
                      priceRupees: paiseToRupeeString(variant.pricePaise),
                      imageId: variant.imageId,
                    }}
                    photos={images.map((image) => ({ id: image.id, alt: image.alt }))}
                  />
                )}
                {!variant.archivedAt && <StockForm variantId={variant.id} title={title} />}
              </li>
            );
          })}
        </ul>
        {adjustments.length > 0 && (
          <>
            <h3 className="text-sm font-semibold">Stock history</h3>
            <ul className="space-y-1 text-sm text-stone-700">
              {adjustments.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.createdAt)} · {a.sku} · {a.delta > 0 ? `+${a.delta}` : a.delta} · {a.reason} ·{" "}
                  {a.actor}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-label="Details" className="rounded-xl border border-stone-200 bg-white p-4">
        {isOwner ? (
          <ProductForm
            product={{
              id: product.id,
              name: product.name,
              slug: product.slug,
              description: product.description,
              category: product.category,
              hsnCode: product.hsnCode,
              gstRateBps: product.gstRateBps,
              featured: product.featured,
            }}
          />
        ) : (
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-stone-600">Category</dt>
            <dd>{product.category}</dd>
            <dt className="text-stone-600">Description</dt>
            <dd>{product.description}</dd>
            <dd className="col-span-2 text-stone-600">Only an owner can change products and prices.</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
