import type { Metadata } from "next";

import { ProductForm } from "@/components/admin/product-form";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New product · Admin" };

export default async function NewProductPage() {
  // Catalog and prices are the owner's; staff keep stock counts (README: roles).
  await requireAdminPage("owner");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">New product</h1>
      <p className="text-sm text-stone-600">
        New products start with no stock: once created, its page takes more photos, options and stock.
      </p>
      <section aria-label="Details" className="rounded-xl border border-stone-200 bg-white p-4">
        <ProductForm />
      </section>
    </div>
  );
}
