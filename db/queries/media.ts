import { and, asc, eq, gte } from "drizzle-orm";

import type { Database } from "../client";
import { mediaFiles } from "../schema";

export type NewMediaFile = typeof mediaFiles.$inferInsert;

export async function insertMediaFiles(db: Database, files: NewMediaFile[]) {
  await db.insert(mediaFiles).values(files);
}

/** Every stored width of one image. */
export async function deleteMediaFiles(db: Database, id: string) {
  await db.delete(mediaFiles).where(eq(mediaFiles.id, id));
}

/** The smallest stored width at least `width` wide, else the largest there is. */
export async function readMediaFile(db: Database, id: string, width: number) {
  const [fit] = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.id, id), gte(mediaFiles.width, width)))
    .orderBy(asc(mediaFiles.width))
    .limit(1);
  if (fit) return fit;
  const all = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id)).orderBy(asc(mediaFiles.width));
  return all.at(-1);
}
