import { loadEnvOrExit } from "@/lib/env-schema";

import { openDatabase } from "./client";

/**
 * Opens the database the app would use, for command-line tools; `as: "owner"` connects as the tables' owner
 * (DATABASE_MIGRATION_URL, when the app has a role of its own) and answers the app's role to grant to.
 */
export async function openCliDatabase(options: { as?: "app" | "owner" } = {}) {
  const env = loadEnvOrExit();
  const migrationUrl = options.as === "owner" ? env.database.migrationUrl : undefined;
  const config = migrationUrl ? { ...env.database, url: migrationUrl } : env.database;
  const handle = await openDatabase(config).catch((error: unknown) => {
    console.error(
      `Cannot open the ${env.database.driver} database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
  const appRole = migrationUrl && env.database.url ? decodeURIComponent(new URL(env.database.url).username) : undefined;
  return Object.assign(handle, { appRole });
}
