import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ActionButton } from "@/components/admin/action-button";
import { GalleryEditor } from "@/components/admin/gallery-editor";
import { MissingDeclarations } from "@/components/admin/missing-declarations";
import { OptionsForm } from "@/components/admin/options-form";
import type { PackValues } from "@/components/admin/pack-fields";
import { ProductForm } from "@/components/admin/product-form";
import { StockForm } from "@/components/admin/stock-form";
import { VariantsForm } from "@/components/admin/variants-form";
import { Thumbnail } from "@/components/product/thumbnail";
import { setArchivedAction, setVariantOnSaleAction } from "@/lib/actions/admin/products";
import { getCatalogProduct } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/auth/session";
import { declarationsOf, missingDeclarations, netQuantityOf } from "@/lib/declarations";
import { formatDateTime } from "@/lib/format";
import { paiseToRupeeString } from "@/lib/money";
import { variantTitle } from "@/lib/variants";

export const metadata: Metadata = { title: "Product · Admin" };

const section = "scroll-mt-20 space-y-3 rounded-xl border border-stone-200 bg-white p-4";
const heading = "text-lg font-semibold";

const SECTIONS = [
  { id: "details", label: "Details" },
  { id: "variants", label: "Variants and options" },
  { id: "stock", label: "Stock" },
  { id: "photos", label: "Photos" },
];

/** A variant's pack as the forms show it: rupees and quantities as text. */
function packValues(variant: {
  sku: string;
  pricePaise: number;
  mrpPaise: number | null;
  netQuantity: number | null;
  netQuantityUnit: string | null;
}): PackValues {
  return {
    sku: variant.sku,
    priceRupees: paiseToRupeeString(variant.pricePaise),
    mrpRupees: variant.mrpPaise === null ? "" : paiseToRupeeString(variant.mrpPaise),
    netQuantity: variant.netQuantity === null ? "" : String(variant.netQuantity),
    netQuantityUnit: variant.netQuantityUnit ?? "",
  };
}

/**
 * The product editor: one form per concern, in the order a merchant works: details (name first, price and the
 * legal declarations included), variants and options, stock, photos.
 */
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
  const notSold = variants.filter((v) => v.archivedAt);
  const soldAsOne = product.options.length === 0 && onSale.length === 1;
  const declarations = declarationsOf(product);
  const missing = missingDeclarations(
    declarations,
    onSale.map((v) => ({ pricePaise: v.pricePaise, mrpPaise: v.mrpPaise, netQuantity: netQuantityOf(v) })),
  );
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{product.name}</h1>
          <div className="flex items-start gap-3">
            {!product.archivedAt && (
              <Link href={`/products/${product.slug}`} className="py-1.5 text-sm text-brand-700 underline">
                View in shop
              </Link>
            )}
            {isOwner && (
              <ActionButton
                label={product.archivedAt ? "Restore to shop" : "Archive"}
                run={setArchivedAction.bind(null, { productId: product.id, archived: !product.archivedAt })}
              />
            )}
          </div>
        </div>
        <nav aria-label="Sections of the product" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.filter((s) => isOwner || s.id === "details" || s.id === "stock").map((s) => (
            <a key={s.id} href={`#${s.id}`} className="text-brand-700 underline">
              {s.label}
            </a>
          ))}
        </nav>
      </div>
      <MissingDeclarations missing={missing} />

      <section id="details" aria-labelledby="details-heading" className={section}>
        <h2 id="details-heading" className={heading}>
          Details
        </h2>
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
              declarations,
            }}
            pack={soldAsOne ? packValues(onSale[0]!) : null}
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

      {isOwner && (
        <section id="variants" aria-labelledby="variants-heading" className={section}>
          <h2 id="variants-heading" className={heading}>
            Variants and options
          </h2>
          <OptionsForm productId={product.id} options={product.options} />
          {product.options.length > 0 && onSale.length > 0 && (
            <VariantsForm
              productId={product.id}
              variants={onSale.map((variant) => ({
                id: variant.id,
                title: variantTitle(variant.optionValues) || product.name,
                imageId: variant.imageId,
                ...packValues(variant),
              }))}
              photos={images.map((image) => ({ id: image.id, alt: image.alt }))}
            />
          )}
          {notSold.length > 0 && (
            <div className="space-y-2 border-t border-stone-100 pt-3">
              <h3 className="text-sm font-semibold">Not sold</h3>
              <ul className="space-y-2">
                {notSold.map((variant) => (
                  <li key={variant.id} className="flex flex-wrap items-center gap-3 text-sm">
                    <Thumbnail src={variant.imagePath ?? product.imagePath} size={40} />
                    <span>
                      {variantTitle(variant.optionValues) || product.name}{" "}
                      <span className="text-stone-500">· {variant.sku}</span>
                    </span>
                    <div className="ml-auto">
                      <ActionButton
                        label="Sell again"
                        run={setVariantOnSaleAction.bind(null, { variantId: variant.id, onSale: true })}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      <section id="stock" aria-labelledby="stock-heading" className={section}>
        <h2 id="stock-heading" className={heading}>
          Stock: {onSale.reduce((n, v) => n + v.stock, 0)} available
        </h2>
        <StockForm
          productId={product.id}
          variants={onSale.map((variant) => ({
            id: variant.id,
            title: variantTitle(variant.optionValues),
            sku: variant.sku,
            stock: variant.stock,
          }))}
        />
        {adjustments.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer font-semibold">Stock history</summary>
            <ul className="mt-2 space-y-1 text-stone-700">
              {adjustments.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.createdAt)} · {a.sku} · {a.delta > 0 ? `+${a.delta}` : a.delta} · {a.reason} ·{" "}
                  {a.actor}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {isOwner && (
        <section id="photos" aria-labelledby="photos-heading" className={section}>
          <h2 id="photos-heading" className={heading}>
            Photos
          </h2>
          <GalleryEditor
            productId={product.id}
            images={images.map((image) => ({ id: image.id, path: image.path, alt: image.alt }))}
          />
        </section>
      )}
    </div>
  );
}
