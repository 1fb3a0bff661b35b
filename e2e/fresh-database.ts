import pg from "pg";

import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedCatalog, seedDevAdmins } from "../db/seed";

/** Drops and creates `name` on the PostgreSQL server at `serverUrl`, migrated and seeded; answers its URL. */
export async function freshPostgresDatabase(serverUrl: string, name: string) {
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await seed({ driver: "pg", url });
  return url;
}

/** The demo catalog and the local admin accounts, on a freshly migrated database. */
export async function seed(options: Parameters<typeof openDatabase>[0]) {
  const handle = await openDatabase(options);
  await migrateDatabase(handle);
  await seedCatalog(handle.db);
  await seedDevAdmins(handle.db);
  await handle.close();
}
