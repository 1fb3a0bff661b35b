import { openCliDatabase } from "./cli-database";
import { migrateDatabase } from "./migrate";

const handle = await openCliDatabase();
const started = performance.now();
await migrateDatabase(handle);
console.log(`Migrations applied on ${handle.driver} in ${Math.round(performance.now() - started)} ms`);
await handle.close();
