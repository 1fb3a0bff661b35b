import { openCliDatabase } from "./cli-database";
import { migrateDatabase } from "./migrate";
import { loadEnvOrExit } from "@/lib/env-schema";

import { seedCatalog, seedDevAdmins } from "./seed";

const handle = await openCliDatabase();
if (handle.driver === "pglite") await migrateDatabase(handle);
const { productsInserted } = await seedCatalog(handle.db);
console.log(`Seed on ${handle.driver}: ${productsInserted} products inserted (existing ones left unchanged)`);
const env = loadEnvOrExit();
if (!env.isPublicDeployment && !env.isProduction) {
  const admins = await seedDevAdmins(handle.db);
  if (admins > 0) console.log("Local admin accounts created (see README): owner@kaveri.local, staff@kaveri.local");
}
await handle.close();
