import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { count, sql, type SQLWrapper } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { insertTestOrder } from "@/lib/testing/orders";

import { type DatabaseHandle, openDatabase } from "./client";
import { insertAuditEvent } from "./queries/audit";
import { APPEND_ONLY_TABLES, grantAppRole } from "./roles";
import { orderEvents, taxDocuments } from "./schema";
import { seedCatalog } from "./seed";
import { requirePostgres, TEST_POSTGRES_URL } from "./testing/databases";

// The least-privilege setup of docs/database-roles.md on a real PostgreSQL: one role owns the tables and migrates
// (`npm run db:migrate` with DATABASE_MIGRATION_URL), the app connects as another that owns nothing.
const postgres = await requirePostgres();

const suffix = randomBytes(4).toString("hex");
const OWNER = `storefront_owner_${suffix}`;
const APP = `storefront_app_${suffix}`;
const DATABASE = `storefront_roles_${suffix}`;
const urlAs = (user: string) =>
  Object.assign(new URL(TEST_POSTGRES_URL), { username: user, password: "", pathname: `/${DATABASE}` }).toString();

async function asSuperuser(statements: string[]) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The shipped command, as an operator runs it. */
function migrateAsOwner() {
  return execFileSync(process.execPath, ["--import", "tsx", "db/migrate-cli.ts"], {
    env: { ...process.env, DATABASE_MIGRATION_URL: urlAs(OWNER), DATABASE_URL: urlAs(APP), DATABASE_DRIVER: "pg" },
    encoding: "utf8",
  });
}

/** What PostgreSQL answered (drizzle wraps its error in one of its own). */
async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  return error ? String(error.cause?.message ?? error.message) : "allowed";
}

describe.skipIf(!postgres)("the app's own database role (real PostgreSQL)", () => {
  let app: DatabaseHandle;
  let owner: DatabaseHandle;
  const rowCount = async (table: SQLWrapper) =>
    ((await app.db.execute(sql`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] })
      .rows[0]!.n;

  beforeAll(async () => {
    // What an administrator does once (docs/database-roles.md): two login roles, a database the owner owns.
    await asSuperuser([
      `CREATE ROLE ${OWNER} LOGIN`,
      `CREATE ROLE ${APP} LOGIN`,
      `CREATE DATABASE ${DATABASE} OWNER ${OWNER}`,
    ]);
    // Twice: the grants are idempotent, and a second run (the next release's migrations) changes nothing.
    expect(migrateAsOwner()).toContain(`Granted ${APP}`);
    expect(migrateAsOwner()).toContain(`Granted ${APP}`);
    app = await openDatabase({ driver: "pg", url: urlAs(APP) });
    owner = await openDatabase({ driver: "pg", url: urlAs(OWNER) });
    process.env.DATABASE_URL = urlAs(APP);
    process.env.ORDER_EMAILS = "off";
  }, 120_000);
  afterAll(async () => {
    // The paid order's confirmation job runs after its commit, on the app's connection: let it finish first.
    await (await import("@/lib/outbox/worker")).outboxIdle();
    await (await import("@/db")).closeDb();
    await app?.close();
    await owner?.close();
    await asSuperuser([
      `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`,
      `DROP ROLE IF EXISTS ${APP}`,
      `DROP ROLE IF EXISTS ${OWNER}`,
    ]);
  });

  it("lets the app do its work: seed the catalog, take and pay an order (its timeline, its invoice), audit", async () => {
    await seedCatalog(app.db);
    await insertTestOrder(app.db, "KC-ROLE-0001", 149_900);
    const { applyToOrder } = await import("@/lib/orders/unit-of-work");
    await applyToOrder(
      app.db,
      "KC-ROLE-0001",
      { type: "payment_succeeded", amountMatches: true, stockAvailable: true, cfPaymentId: "pay-role-1" },
      { type: "cashfree", via: "webhook" },
    );
    await insertAuditEvent(app.db, { action: "settings.update", actorEmail: "owner@kaveri.local" });
    const [events] = await app.db.select({ n: count() }).from(orderEvents);
    const [documents] = await app.db.select({ n: count() }).from(taxDocuments);
    expect(events!.n).toBeGreaterThan(0);
    expect(documents!.n).toBe(1);
  });

  it("refuses the app TRUNCATE, UPDATE, DELETE and disabling the triggers on the append-only tables", async () => {
    for (const table of ["audit_events", "order_events", "tax_documents"]) {
      const name = sql.identifier(table);
      const before = await rowCount(name);
      expect(before, table).toBeGreaterThan(0);
      expect(await refusal(app.db.execute(sql`truncate ${name} cascade`))).toMatch(/permission denied/);
      expect(await refusal(app.db.execute(sql`update ${name} set id = id`))).toMatch(/permission denied/);
      expect(await refusal(app.db.execute(sql`delete from ${name}`))).toMatch(/permission denied/);
      expect(await refusal(app.db.execute(sql`alter table ${name} disable trigger all`))).toMatch(/must be owner/);
      expect(await refusal(app.db.execute(sql`drop table ${name} cascade`))).toMatch(/must be owner/);
      expect(await rowCount(name), table).toBe(before);
    }
    // The other way around triggers: replica mode skips them, and only a superuser may set it.
    expect(await refusal(app.db.execute(sql`set session_replication_role = replica`))).toMatch(/permission denied/);
  });

  it("refuses even the tables' owner TRUNCATE on them (the statement triggers)", async () => {
    for (const table of APPEND_ONLY_TABLES) {
      expect(await refusal(owner.db.execute(sql`truncate ${sql.identifier(table)} cascade`)), table).toMatch(
        /append-only/,
      );
    }
  });

  it("refuses to grant to a role that owns the tables: it could disable their triggers", async () => {
    await expect(grantAppRole(owner.db, OWNER)).rejects.toThrow(/owns the tables/);
  });
});
