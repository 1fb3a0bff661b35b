import pg from "pg";

/** The real PostgreSQL the tests use: a server on this machine, never a remote one. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** One statement on the server's maintenance database (CREATE DATABASE, DROP DATABASE …). */
export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
