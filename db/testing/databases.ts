import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { type DatabaseDriver, type DatabaseHandle, openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { startWsProxy } from "./ws-proxy";

/** The real PostgreSQL the tests use: a server on this machine, never a remote one. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

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

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends DatabaseHandle {
  /** The postgres:// URL (pg and neon), for opening more connections. */
  url?: string;
}

/** A fresh, migrated database for one driver; `close()` drops it. */
export async function createTestDatabase(
  driver: DatabaseDriver,
  options: { poolSize?: number; migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  if (driver === "pglite") {
    const handle = await openDatabase({ driver, pgliteDir: "memory://" });
    await migrateDatabase(handle, options.migrationsFolder);
    return handle;
  }
  const name = `storefront_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/${name}` }).toString();
  const target = `${new URL(url).hostname}:${new URL(url).port || 5432}`;
  const proxy = driver === "neon" ? await startWsProxy([target]) : undefined;
  const handle = await openDatabase({ driver, url, neonWsProxy: proxy?.address, poolSize: options.poolSize });
  await migrateDatabase(handle, options.migrationsFolder);
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
