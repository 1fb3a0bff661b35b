import { sql } from "drizzle-orm";

import type { Database } from "../client";

/**
 * Which database this is: the random id its migration wrote (schema: databaseIdentity), with PostgreSQL's oid for
 * it, which a restore into a newly created database changes while it copies the row.
 */
export async function readDatabaseIdentity(db: Database): Promise<string> {
  const result = (await db.execute(sql`
    select identity.id || '/' || pg_database.oid as id
    from database_identity identity, pg_database
    where pg_database.datname = current_database()
    order by identity.created_at
    limit 1`)) as unknown as { rows: { id: string }[] };
  const row = result.rows[0];
  if (!row) throw new Error("database_identity is empty: the database was not migrated");
  return row.id;
}
