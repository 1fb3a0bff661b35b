// Vitest's global setup (vitest.config.ts): the migrations run once per test run, into a template database on the
// real PostgreSQL and an archived PGlite data folder. createTestDatabase copies those instead of migrating each new
// database from scratch (about a second per PostgreSQL database and two per PGlite one on a 2-core machine).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { adminQuery, TEST_POSTGRES_URL } from "./postgres-server";

export interface TestDatabaseTemplates {
  /** A migrated database on the test PostgreSQL server, to `CREATE DATABASE … TEMPLATE` from. */
  postgres?: string;
  /** A migrated PGlite data folder, archived by `dumpDataDir()`. */
  pgliteArchive?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplates: TestDatabaseTemplates;
  }
}

/** The template database, migrated; undefined when no PostgreSQL answers (its suites skip or fail on their own). */
async function postgresTemplate(): Promise<string | undefined> {
  const name = `storefront_template_${randomBytes(6).toString("hex")}`;
  try {
    await adminQuery(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  }
  const url = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/${name}` }).toString();
  const handle = await openDatabase({ driver: "pg", url, poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    // A template can only be copied while nobody is connected to it.
    await handle.close();
  }
  return name;
}

async function pgliteArchive(folder: string): Promise<string> {
  const handle = await openDatabase({ driver: "pglite", pgliteDir: "memory://" });
  try {
    await migrateDatabase(handle);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const archive = await client.dumpDataDir("none");
    const file = path.join(folder, "pglite.tar");
    writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
    return file;
  } finally {
    await handle.close();
  }
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "storefront-test-templates-"));
  const [postgres, archive] = await Promise.all([postgresTemplate(), pgliteArchive(folder)]);
  project.provide("testDatabaseTemplates", { postgres, pgliteArchive: archive });
  return async () => {
    if (postgres) await adminQuery(`DROP DATABASE IF EXISTS ${postgres} WITH (FORCE)`);
    rmSync(folder, { recursive: true, force: true });
  };
}
