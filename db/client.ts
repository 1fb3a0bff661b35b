import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

import * as schema from "./schema";

type Schema = typeof schema;
/** One type for all three drivers (a union of the driver types makes `.transaction()` uncallable). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = "pglite" | "pg" | "neon";

export interface DatabaseConfig {
  driver: DatabaseDriver;
  /** postgres:// URL for pg and neon. */
  url?: string;
  /** PGlite data folder; "memory://" for a throw-away database. */
  pgliteDir?: string;
  /**
   * A PGlite data folder archived by `dumpDataDir()` to start from instead of an empty one: the tests open every
   * throw-away database from one migrated archive (https://pglite.dev/docs/api#dumpdatadir).
   */
  pgliteArchive?: Blob;
  /** Local WebSocket-to-TCP proxy for the Neon driver (tests), e.g. "127.0.0.1:54330". */
  neonWsProxy?: string;
  poolSize?: number;
  /** Where a lost connection is reported (the app's logger; the console for scripts). */
  onConnectionError?: (message: string, error: Error) => void;
}

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  close(): Promise<void>;
}

const consoleReport = (message: string, error: Error) => console.error(`${message}: ${error.message}`);

type Pool = {
  on(event: "error", listener: (error: Error) => void): unknown;
  on(
    event: "connect",
    listener: (client: { on(event: "error", listener: (error: Error) => void): unknown }) => void,
  ): unknown;
};

function listenForConnectionErrors(pool: Pool, report: DatabaseConfig["onConnectionError"] = consoleReport) {
  // An idle pooled connection that dies (database restart, network blip) emits "error" on the pool;
  // unhandled, that would crash the server. The pool replaces the connection on the next query.
  pool.on("error", (error) => report("database: idle connection lost", error));
  // A connection that dies while checked out (mid-transaction: a database restart, a killed backend) emits
  // "error" on its client, where the pool does not listen: unhandled, that too would crash the server. Its
  // pending query fails with the same error, and the caller answers for it (a webhook gets 503 and is retried).
  pool.on("connect", (client) => client.on("error", (error) => report("database: connection lost mid-query", error)));
}

const drizzleOptions = { schema, casing: "snake_case" } as const;

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.driver === "pglite") return openPglite(config.pgliteDir ?? "memory://", config.pgliteArchive);
  if (!config.url) throw new Error(`DATABASE_URL is required for the ${config.driver} driver`);
  return config.driver === "pg" ? openNodePostgres(config) : openNeon(config);
}

async function openPglite(dir: string, archive?: Blob): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let unlock = () => {};
  if (!dir.includes("://")) {
    const { mkdir } = await import("node:fs/promises");
    const { lockPgliteDir } = await import("./pglite-lock");
    await mkdir(dir, { recursive: true });
    unlock = lockPgliteDir(dir);
  }
  // pg_trgm ships with PGlite as a contrib extension: search forgives typos on the embedded database too.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create(dir, { extensions: { pg_trgm }, loadDataDir: archive });
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db: drizzle({ client, ...drizzleOptions }) as unknown as Database, driver: "pglite", close };
}

async function openNodePostgres(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  listenForConnectionErrors(pool, config.onConnectionError);
  return {
    db: drizzle({ client: pool, ...drizzleOptions }) as unknown as Database,
    driver: "pg",
    close: () => pool.end(),
  };
}

async function openNeon(config: DatabaseConfig): Promise<DatabaseHandle> {
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const { default: ws } = await import("ws");
  // Node 20 has no global WebSocket.
  neonConfig.webSocketConstructor = ws;
  const proxy = config.neonWsProxy;
  if (proxy) {
    // A plain local proxy speaks neither TLS nor Neon's pipelined start-up.
    neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  listenForConnectionErrors(pool, config.onConnectionError);
  return {
    db: drizzle({ client: pool, ...drizzleOptions }) as unknown as Database,
    driver: "neon",
    close: () => pool.end(),
  };
}
