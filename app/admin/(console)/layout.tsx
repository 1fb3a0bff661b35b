import Link from "next/link";
import { Suspense } from "react";

import { CashfreeBanner } from "@/components/admin/cashfree-banner";
import { AdminAccount } from "@/components/admin/shell/admin-account";
import { AdminMenu } from "@/components/admin/shell/admin-menu";
import { AdminNav, AttentionBadge } from "@/components/admin/shell/admin-nav";
import { EnvironmentPill } from "@/components/admin/shell/environment-pill";
import { attentionCount } from "@/lib/admin/insights";
import { requireAdminPage } from "@/lib/auth/session";
import { logError } from "@/lib/log";

/**
 * The admin's own shell, apart from the shop's: a header (the shop, "Admin", which Cashfree, who is signed in),
 * the grouped navigation as a sidebar on a desktop and a menu on a phone, and the page. Like Shopify's admin and
 * dub.co's dashboard, the navigation is grouped by job and the page's heading comes first on a small screen.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  // One count for both copies of the navigation; it streams in after the page rather than holding it up.
  // A count that fails to load is left out, not the admin with it.
  const count = attentionCount().catch((error: unknown) => {
    logError("admin navigation: attention count failed", error);
    return 0;
  });
  const badge = (
    <Suspense fallback={null}>
      <AsyncAttentionBadge count={count} />
    </Suspense>
  );
  return (
    <div className="flex min-h-screen flex-col bg-stone-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-white">
        <div className="relative flex h-14 items-center gap-3 px-4 lg:px-6">
          <AdminMenu badge={badge}>
            <AdminNav role={admin.role} attention={badge} placement="menu" />
            <AdminAccount admin={admin} className="mt-4 flex-wrap border-t border-stone-200 pt-3" />
          </AdminMenu>
          <Link href="/admin" className="min-w-0 truncate font-semibold text-brand-800 lg:text-lg">
            Kaveri &amp; Co. <span className="font-normal text-stone-500">Admin</span>
          </Link>
          <EnvironmentPill />
          <AdminAccount admin={admin} className="ml-auto hidden lg:flex" />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="sticky top-14 hidden h-[calc(100vh-3.5rem)] w-60 shrink-0 overflow-y-auto border-r border-stone-200 bg-white px-3 py-5 lg:block">
          <AdminNav role={admin.role} attention={badge} placement="sidebar" />
        </aside>
        <main id="main" className="min-w-0 flex-1 space-y-6 px-4 py-6 sm:px-6 lg:px-8">
          <CashfreeBanner admin={admin} />
          {children}
        </main>
      </div>
    </div>
  );
}

async function AsyncAttentionBadge({ count }: { count: Promise<number> }) {
  return <AttentionBadge count={await count} />;
}
