import Link from "next/link";

import type { Admin } from "@/lib/auth/admins";
import { paymentsPaused } from "@/lib/merchant-account/connect";

import { CashfreeConnectButton } from "./cashfree-connect-button";

/** Across the admin: checkout is paused because the Cashfree connection is broken or unlinked, or its keys are wrong. */
export async function CashfreeBanner({ admin }: { admin: Admin }) {
  const paused = await paymentsPaused();
  if (!paused) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
    >
      <p>
        <strong>Payments are paused.</strong>{" "}
        {paused.status === "token_keys"
          ? `${paused.reason} Shoppers cannot check out until then.`
          : `${paused.status === "unlinked" ? "Your Cashfree account was unlinked from the shop." : `The Cashfree connection is broken. ${paused.reason ?? ""}`} Shoppers cannot check out until you reconnect.`}{" "}
        <Link href="/admin/settings#cashfree" className="underline">
          Details
        </Link>
      </p>
      {admin.role === "owner" ? <CashfreeConnectButton label="Reconnect" /> : <p>Ask the shop owner to reconnect.</p>}
    </div>
  );
}
