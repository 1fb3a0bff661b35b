import type { Metadata } from "next";

import { requireAdminPage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { CONNECT_OUTCOMES, type ConnectOutcome, getConnectionView } from "@/lib/merchant-account/connect";
import { getSetting } from "@/lib/settings";

import { CashfreeConnection } from "@/components/admin/cashfree-connection";
import { CustomerCareForm } from "@/components/admin/customer-care-form";
import { SellerForm } from "@/components/admin/seller-form";
import { SettingsForm } from "@/components/admin/settings-form";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ cashfree?: string }> }) {
  await requireAdminPage("owner");
  const [checkoutVariant, autoRefundLatePayments, seller, customerCare, connection, { cashfree }] = await Promise.all([
    getSetting("checkout_variant"),
    getSetting("auto_refund_late_payments"),
    getSetting("seller"),
    getSetting("customer_care"),
    getConnectionView(env.cashfree.env),
    searchParams,
  ]);
  const outcome = cashfree && Object.hasOwn(CONNECT_OUTCOMES, cashfree) ? (cashfree as ConnectOutcome) : null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsForm checkoutVariant={checkoutVariant} autoRefundLatePayments={autoRefundLatePayments} />
      <CashfreeConnection view={connection} outcome={outcome} />
      <section aria-labelledby="tax-heading" className="space-y-3 border-t border-stone-200 pt-4">
        <h2 id="tax-heading" className="text-lg font-semibold">
          Tax and invoices
        </h2>
        <SellerForm seller={seller} />
      </section>
      <section aria-labelledby="care-heading" className="space-y-3 border-t border-stone-200 pt-4">
        <h2 id="care-heading" className="text-lg font-semibold">
          Customer care
        </h2>
        <p className="text-sm text-stone-600">Shown on every product page, as the Legal Metrology rules ask.</p>
        <CustomerCareForm customerCare={customerCare} />
      </section>
    </div>
  );
}
