import Link from "next/link";

import { CashfreeBanner } from "@/components/admin/cashfree-banner";
import { signOutAction } from "@/lib/actions/admin/session";
import { requireAdminPage } from "@/lib/auth/session";

const NAV = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/payment-links", label: "Payment links" },
  { href: "/admin/settlements", label: "Settlements" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/attention", label: "Needs attention" },
  { href: "/admin/gst", label: "GST report", ownerOnly: true },
  { href: "/admin/policies", label: "Policies", ownerOnly: true },
  { href: "/admin/settings", label: "Settings", ownerOnly: true },
  { href: "/admin/audit", label: "Audit log", ownerOnly: true },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
        <nav aria-label="Admin" className="flex flex-wrap gap-4 text-sm font-medium">
          {NAV.filter((item) => !item.ownerOnly || admin.role === "owner").map((item) => (
            <Link key={item.href} href={item.href} className="text-stone-700 hover:text-brand-700">
              {item.label}
            </Link>
          ))}
        </nav>
        <form action={signOutAction} className="flex items-center gap-3 text-sm text-stone-600">
          <span>
            {admin.name} · {admin.role}
          </span>
          <button type="submit" className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100">
            Sign out
          </button>
        </form>
      </div>
      <CashfreeBanner admin={admin} />
      {children}
    </div>
  );
}
