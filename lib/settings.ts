import "server-only";

import { z } from "zod";

import { getDb } from "@/db";
import { getSettingValue, setSettingValue } from "@/db/queries/settings";

export const CHECKOUT_VARIANTS = ["redirect", "modal", "inline"] as const;
const settingSchemas = {
  /** redirect keeps the merchant in PCI DSS SAQ A; modal and inline embed Cashfree's page in ours. */
  checkout_variant: z.enum(CHECKOUT_VARIANTS).catch("redirect"),
  /** Refund a payment that arrives after its order expired and the stock is gone. */
  auto_refund_late_payments: z.boolean().catch(false),
  /** Who order e-mails come from, and the store's name and address printed in them. */
  email_from_name: z.string().min(1).max(100).catch("Kaveri & Co."),
  email_from_address: z.email().catch("orders@kaveri.local"),
  store_address: z.string().max(300).catch("Kaveri & Co., 12 Residency Road, Bengaluru, Karnataka 560025"),
};

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const value = await getSettingValue(await getDb(), key);
  return settingSchemas[key].parse(value) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>) {
  await setSettingValue(await getDb(), key, settingSchemas[key].parse(value));
}
