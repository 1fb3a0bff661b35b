import { eq } from "drizzle-orm";

import type { Database } from "../client";
import { storeSettings } from "../schema";

export async function getSettingValue(db: Database, key: string): Promise<unknown> {
  const [row] = await db.select({ value: storeSettings.value }).from(storeSettings).where(eq(storeSettings.key, key));
  return row?.value;
}

export async function setSettingValue(db: Database, key: string, value: unknown) {
  await db
    .insert(storeSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: storeSettings.key, set: { value, updatedAt: new Date() } });
}
