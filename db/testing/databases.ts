import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";

import { type DatabaseDriver, type DatabaseHandle, openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { adminQuery, TEST_POSTGRES_URL } from "./postgres-server";
import { startWsProxy } from "./ws-proxy";

export { TEST_POSTGRES_URL };

let reachable: Promise<boolean> | undefined;

function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return reachable;
}

/**
 * Whether the real-PostgreSQL suites run. In CI a missing server is a failure, not a skip;
 * on a laptop without PostgreSQL they are reported as skipped with the reason.
 */
export async function requirePostgres(): Promise<boolean> {
  const ok = await postgresReachable();
  if (!ok && process.env.CI) throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}`);
  if (!ok) console.warn(`Skipping real-PostgreSQL tests: nothing listens at ${TEST_POSTGRES_URL}`);
  return ok;
}

export interface TestDatabase extends DatabaseHandle {
  /** The postgres:// URL (pg and neon), for opening more connections. */
  url?: string;
}

let pgliteArchive: Promise<Blob> | undefined;

/**
 * The migrated templates of this test run (db/testing/templates.ts), used when the default migrations are asked
 * for; none when the run has no such global setup, and then every database is migrated from scratch.
 */
function templates(migrationsFolder: string | undefined) {
  if (migrationsFolder) return {};
  const provided = inject("testDatabaseTemplates") ?? {};
  const archive = provided.pgliteArchive;
  if (archive) pgliteArchive ??= readFile(archive).then((bytes) => new Blob([bytes]));
  return { postgres: provided.postgres, pglite: archive ? pgliteArchive : undefined };
}

/**
 * A copy of the template gets an id of its own, as a database migrated from scratch does (migration 0023): the
 * app's caches are keyed by it (db/queries/database-identity.ts).
 */
async function newIdentity(handle: DatabaseHandle) {
  await handle.db.execute(sql`update database_identity set id = gen_random_uuid(), created_at = now()`);
}

/** A fresh, migrated database for one driver; `close()` drops it. */
export async function createTestDatabase(
  driver: DatabaseDriver,
  options: { poolSize?: number; migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  const template = templates(options.migrationsFolder);
  if (driver === "pglite") {
    const archive = await template.pglite;
    const handle = await openDatabase({ driver, pgliteDir: "memory://", pgliteArchive: archive });
    await (archive ? newIdentity(handle) : migrateDatabase(handle, options.migrationsFolder));
    return handle;
  }
  const name = `storefront_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(
    template.postgres ? `CREATE DATABASE ${name} TEMPLATE ${template.postgres}` : `CREATE DATABASE ${name}`,
  );
  const url = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/${name}` }).toString();
  const target = `${new URL(url).hostname}:${new URL(url).port || 5432}`;
  const proxy = driver === "neon" ? await startWsProxy([target]) : undefined;
  const handle = await openDatabase({ driver, url, neonWsProxy: proxy?.address, poolSize: options.poolSize });
  await (template.postgres ? newIdentity(handle) : migrateDatabase(handle, options.migrationsFolder));
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await proxy?.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A copy of the migrations that stops after `lastTag` (for example "0011_product_images"), to build a database
 * as an older release left it and test what the next migration does to its data.
 */
export function migrationsUpTo(lastTag: string) {
  const source = path.join(process.cwd(), "db", "migrations");
  const folder = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(source, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
