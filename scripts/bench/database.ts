import pg from "pg";

import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedCatalog } from "../../db/seed";

const SERVER = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated and seeded database on the local PostgreSQL, dropped and recreated on every run. */
export async function freshBenchDatabase(name: string) {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(SERVER), { pathname: `/${name}` }).toString();
  const handle = await openDatabase({ driver: "pg", url });
  await migrateDatabase(handle);
  await seedCatalog(handle.db);
  return { url, handle };
}
