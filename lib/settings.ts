import "server-only";

import { z } from "zod";

import { type Database, getDb } from "@/db";
import { getSettingValue, setSettingValue } from "@/db/queries/settings";
import { DEMO_SELLER, sellerSchema } from "@/lib/gst/seller";

export const CHECKOUT_VARIANTS = ["redirect", "modal", "inline"] as const;
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
};

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

/** A setting, read inside the caller's transaction when it passes one (PGlite has one connection). */
export async function getSetting<K extends SettingKey>(key: K, db?: Database): Promise<SettingValue<K>> {
  const value = await getSettingValue(db ?? (await getDb()), key);
  return settingSchemas[key].parse(value) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>) {
  await setSettingValue(await getDb(), key, settingSchemas[key].parse(value));
}
