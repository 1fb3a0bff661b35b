import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite's data folder is single-process: two processes writing it silently lose updates.
 * A pid file turns that into a clear error (e.g. `npm run db:seed` while `npm run dev` runs).
 */
export function lockPgliteDir(dir: string): () => void {
  const lockFile = path.join(dir, "storefront.pid");
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lockFile, "utf8"));
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new Error(`the embedded database in ${dir} is in use by process ${holder}; stop it first`);
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
