import type { Config } from "drizzle-kit";

// Generation only needs the dialect; migrations are applied by `npm run db:migrate` (db/migrate-cli.ts),
// which picks the driver from DATABASE_URL the same way the app does.
export default {
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
} satisfies Config;
