import type { Metadata } from "next";

import { requireAdminPage } from "@/lib/auth/session";
import { getSetting } from "@/lib/settings";

import { SettingsForm } from "@/components/admin/settings-form";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function SettingsPage() {
  await requireAdminPage("owner");
  const [checkoutVariant, autoRefundLatePayments] = await Promise.all([
    getSetting("checkout_variant"),
    getSetting("auto_refund_late_payments"),
  ]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsForm checkoutVariant={checkoutVariant} autoRefundLatePayments={autoRefundLatePayments} />
    </div>
  );
}
