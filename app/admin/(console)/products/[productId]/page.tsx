import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { GalleryEditor } from "@/components/admin/gallery-editor";
import { ProductForm } from "@/components/admin/product-form";
import { StockForm } from "@/components/admin/stock-form";
import { getCatalogProduct } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/auth/session";
import { formatInr, paiseToRupeeString } from "@/lib/money";

import { setArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Product · Admin" };

const when = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });

export default async function AdminProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const admin = await requireAdminPage();
  const { productId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(productId)) notFound();
  const detail = await getCatalogProduct(productId);
  if (!detail) notFound();
  const { product, adjustments, images } = detail;
  // Catalog and prices are the owner's; staff see them and keep stock counts.
  const isOwner = admin.role === "owner";
  return (
    <div className="max-w-3xl space-y-6">
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
        <section aria-label="Photos" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 className="font-semibold">Photos</h2>
          <GalleryEditor
            productId={product.id}
            images={images.map((image) => ({ id: image.id, path: image.path, alt: image.alt }))}
          />
        </section>
      )}
      <section aria-label="Stock" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="font-semibold">Stock: {product.stock} available</h2>
        <StockForm productId={product.id} />
        {adjustments.length > 0 && (
          <ul className="space-y-1 text-sm text-stone-700">
            {adjustments.map((a) => (
              <li key={a.id}>
                {when.format(a.createdAt)} · {a.delta > 0 ? `+${a.delta}` : a.delta} · {a.reason} · {a.actor}
              </li>
            ))}
          </ul>
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
              priceRupees: paiseToRupeeString(product.pricePaise),
              hsnCode: product.hsnCode,
              gstRateBps: product.gstRateBps,
              featured: product.featured,
            }}
          />
        ) : (
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            <dt className="text-stone-600">Price</dt>
            <dd>{formatInr(product.pricePaise)}</dd>
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
