import { openCliDatabase } from "./cli-database";
import { migrateDatabase } from "./migrate";
import { grantAppRole } from "./roles";

// With DATABASE_MIGRATION_URL, the tables' owner migrates and then grants the app's role (DATABASE_URL's user)
// what the shop needs, including on the tables this run created (docs/database-roles.md).
const handle = await openCliDatabase({ as: "owner" });
const started = performance.now();
await migrateDatabase(handle);
console.log(`Migrations applied on ${handle.driver} in ${Math.round(performance.now() - started)} ms`);
if (handle.appRole) {
  try {
    await grantAppRole(handle.db, handle.appRole);
    console.log(`Granted ${handle.appRole} the app's privileges`);
  } catch (error) {
    console.error(`Cannot grant ${handle.appRole} the app's privileges: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
await handle.close();
