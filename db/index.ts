import "server-only";

import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { inSpan } from "@/lib/telemetry/spans";

import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { readDatabaseIdentity } from "./queries/database-identity";
import { seedIfEmpty } from "./seed";

export type { Database } from "./client";

const globalForDb = globalThis as unknown as {
  storefrontDb?: Promise<DatabaseHandle>;
  storefrontDbIdentity?: Promise<string>;
};

/** Every top-level transaction in a span (its savepoints are inside it): lock waits show up in traces. */
function traceTransactions(handle: DatabaseHandle) {
  const { db } = handle;
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    inSpan("db transaction", { attributes: { "db.system.name": "postgresql", "db.driver": handle.driver } }, () =>
      transaction(run, config),
    )) as typeof db.transaction;
}

async function connect(): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    ...env.database,
    neonWsProxy: env.database.neonWsProxy,
    // A pooled connection outlives the request that opened it: its loss is no request's.
    onConnectionError: (message, error) => logError(message, error, { requestId: undefined }),
  });
  traceTransactions(handle);
  // The embedded database migrates and seeds itself so `npm run dev` needs no setup step;
  // real PostgreSQL is migrated explicitly with `npm run db:migrate`.
  if (handle.driver === "pglite") {
    await migrateDatabase(handle);
    // The local admin accounts (README) exist only on a laptop: never in production, never when public.
    await seedIfEmpty(handle.db, { devAdmins: !env.isProduction && !env.isPublicDeployment });
  }
  return handle;
}

/** The app's database, opened once per process (and kept across dev hot reloads). */
export async function getDb(): Promise<Database> {
  globalForDb.storefrontDb ??= connect().catch((error: unknown) => {
    globalForDb.storefrontDb = undefined;
    throw error;
  });
  return (await globalForDb.storefrontDb).db;
}

/**
 * Which database the app is on, read once per process (the app never switches databases without a restart). Data
 * cached outside the database (Next's data cache on disk or in Redis, which outlive it) is keyed by it: a database
 * recreated under the same .next or Redis never sees the old one's ids.
 */
export async function getDatabaseIdentity(): Promise<string> {
  globalForDb.storefrontDbIdentity ??= getDb()
    .then(readDatabaseIdentity)
    .catch((error: unknown) => {
      globalForDb.storefrontDbIdentity = undefined;
      throw error;
    });
  return globalForDb.storefrontDbIdentity;
}

/** Closes the app's database (tests and scripts; the server keeps it open for its lifetime). */
export async function closeDb() {
  const handle = globalForDb.storefrontDb;
  globalForDb.storefrontDb = undefined;
  globalForDb.storefrontDbIdentity = undefined;
  if (handle) await (await handle).close();
}
