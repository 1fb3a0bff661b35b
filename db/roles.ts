import { sql } from "drizzle-orm";

import type { Database } from "./client";

/**
 * Evidence (the order timeline, tax documents, the audit log): the app adds rows, and nobody changes or removes
 * them. Triggers refuse UPDATE, DELETE and TRUNCATE (migrations 0001, 0008, 0015, 0022); the app's role is also
 * given no privilege to try.
 */
export const APPEND_ONLY_TABLES = ["order_events", "tax_documents", "tax_document_lines", "audit_events"] as const;

/**
 * Gives the app's role what the shop needs and nothing more, run by the tables' owner after every migration (a new
 * table needs its grant). Only a table's owner or a superuser may ALTER it (and so disable its triggers), so a role
 * that owns nothing cannot get around them. Idempotent: everything is revoked and granted again, in one
 * transaction, so the role ends up with exactly this whatever it had before.
 * https://www.postgresql.org/docs/current/ddl-priv.html
 */
export async function grantAppRole(db: Database, role: string) {
  const app = sql.identifier(role);
  const appendOnly = sql.join(
    APPEND_ONLY_TABLES.map((table) => sql.identifier(table)),
    sql`, `,
  );
  await db.transaction(async (tx) => {
    // A member of the owner's role may SET ROLE to it, and a superuser bypasses every privilege.
    const result = (await tx.execute(sql`
      select pg_has_role(${role}, tableowner, 'MEMBER') as owns, rolsuper as superuser
      from pg_tables join pg_roles on rolname = ${role}
      where schemaname = 'public' and tablename = 'order_events'`)) as unknown as {
      rows: { owns: boolean; superuser: boolean }[];
    };
    const [owner] = result.rows;
    if (!owner) throw new Error(`No role ${role}, or the database is not migrated: create the role first`);
    if (owner.owns || owner.superuser) {
      throw new Error(`${role} owns the tables or is a superuser: the app needs a role of its own`);
    }
    await tx.execute(sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await tx.execute(sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
    await tx.execute(sql`GRANT USAGE ON SCHEMA public TO ${app}`);
    await tx.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await tx.execute(sql`REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${app}`);
    await tx.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  });
}
