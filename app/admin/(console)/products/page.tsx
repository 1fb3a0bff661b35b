import type { Metadata } from "next";
import Link from "next/link";

import { AdminTable, numeric } from "@/components/admin/admin-table";
import { listCatalog } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/auth/session";
import { formatInr } from "@/lib/money";

export const metadata: Metadata = { title: "Products · Admin" };

function priceRange(min: number | null, max: number | null) {
  if (min === null || max === null) return "—";
  return min === max ? formatInr(min) : `${formatInr(min)}–${formatInr(max)}`;
}

export default async function AdminProductsPage() {
  const admin = await requireAdminPage();
  const products = await listCatalog();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Products and stock</h1>
        {admin.role === "owner" && (
          <Link
            href="/admin/products/new"
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            New product
          </Link>
        )}
      </div>
      <AdminTable columns={["Product", "Category", ...numeric("Price", "Variants", "Stock"), "Shop"]}>
        {products.map((p) => (
          <tr key={p.id} className="border-t border-stone-100">
            <td className="px-3 py-2">
              <Link href={`/admin/products/${p.id}`} className="text-brand-700 underline">
                {p.name}
              </Link>
              {p.missing.length > 0 && (
                <span className="mt-0.5 block text-xs text-amber-900">
                  Missing declarations: {p.missing.join(", ")}
                </span>
              )}
            </td>
            <td className="px-3 py-2">{p.category}</td>
            <td className="px-3 py-2 text-right">{priceRange(p.minPricePaise, p.maxPricePaise)}</td>
            <td className="px-3 py-2 text-right">{p.variants}</td>
            <td className={`px-3 py-2 text-right ${p.stock === 0 ? "font-semibold text-red-700" : ""}`}>{p.stock}</td>
            <td className="px-3 py-2">{p.archivedAt ? "archived" : "listed"}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
