import { loadEnvOrExit } from "@/lib/env-schema";

import { openDatabase } from "./client";

/** Opens the database the app would use, for command-line tools. */
export async function openCliDatabase() {
  const env = loadEnvOrExit();
  const handle = await openDatabase(env.database).catch((error: unknown) => {
    console.error(
      `Cannot open the ${env.database.driver} database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
  return handle;
}
