import "server-only";

import { z } from "zod";

import { type Database, getDb } from "@/db";
import { getSettingValue, setSettingValue } from "@/db/queries/settings";
import type { Audit } from "@/lib/audit/record";
import { CHECKOUT_VARIANTS } from "@/lib/checkout-variants";
import { customerCareSchema, DEMO_CUSTOMER_CARE } from "@/lib/customer-care";
import { DEMO_SELLER, sellerSchema } from "@/lib/gst/seller";

const settingSchemas = {
  /** redirect keeps the merchant in PCI DSS SAQ A; modal and inline embed Cashfree's page in ours. */
  checkout_variant: z.enum(CHECKOUT_VARIANTS).catch("redirect"),
  /** Refund a payment that arrives after its order expired and the stock is gone. */
  auto_refund_late_payments: z.boolean().catch(false),
  /** Who order e-mails come from. */
  email_from_name: z.string().min(1).max(100).catch("Kaveri & Co."),
  email_from_address: z.email().catch("orders@kaveri.local"),
  /** The business on tax invoices and in e-mail footers: legal name, GSTIN, registered address, numbering. */
  seller: sellerSchema.catch(DEMO_SELLER),
  /** Whom shoppers contact with a complaint: on every product page (lib/customer-care.ts). */
  customer_care: customerCareSchema.catch(DEMO_CUSTOMER_CARE),
};

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

/** A setting, read inside the caller's transaction when it passes one (PGlite has one connection). */
export async function getSetting<K extends SettingKey>(key: K, db?: Database): Promise<SettingValue<K>> {
  const value = await getSettingValue(db ?? (await getDb()), key);
  return settingSchemas[key].parse(value) as SettingValue<K>;
}

/**
 * Saves settings together, in one transaction with their audit row: each one's value before (read in that
 * transaction) and after. `group` names what was saved ("checkout", "seller") in the log.
 */
export async function saveSettings(group: string, values: { [K in SettingKey]?: SettingValue<K> }, audit: Audit) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(values) as SettingKey[]) {
      before[key] = await getSetting(key, tx);
      after[key] = settingSchemas[key].parse(values[key]);
      await setSettingValue(tx, key, after[key]);
    }
    await audit.writeIn(tx, { target: { type: "settings", id: group }, before, after });
  });
}
