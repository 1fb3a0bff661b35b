import { ArrowTopRightOnSquareIcon } from "@heroicons/react/24/outline";

import { signOutAction } from "@/lib/actions/admin/session";
import type { Admin } from "@/lib/auth/admins";

/** Who is signed in, Sign out, and a way to the shop as shoppers see it: in the header, or at the foot of the phone's menu. */
export function AdminAccount({ admin, className = "" }: { admin: Admin; className?: string }) {
  return (
    <div className={`flex items-center gap-x-4 gap-y-2 text-sm ${className}`}>
      <a
        href="/"
        target="_blank"
        rel="noopener"
        className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:text-brand-800 lg:min-h-9"
      >
        View shop
        <ArrowTopRightOnSquareIcon aria-hidden="true" className="size-4" />
        <span className="sr-only">(opens in a new tab)</span>
      </a>
      <span className="text-stone-600">
        {admin.name} · {admin.role}
      </span>
      <form action={signOutAction}>
        <button
          type="submit"
          className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 font-medium hover:bg-stone-100 lg:min-h-9"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
