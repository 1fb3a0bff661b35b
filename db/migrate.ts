import path from "node:path";

import type { DatabaseHandle } from "./client";

// Relative to the project root: Next, the CLIs and the tests all run from there.
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations with the migrator of the handle's driver. */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER) {
  const config = { migrationsFolder };
  // Each migrator only accepts its own driver's database type; the handle's driver tells us which one it is.
  const db = handle.db as never;
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db, config);
  } else if (handle.driver === "pg") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db, config);
  } else {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(db, config);
  }
}
