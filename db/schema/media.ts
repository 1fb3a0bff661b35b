import { customType, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Raw bytes; drivers hand back a Buffer (pg, Neon) or a Uint8Array (PGlite): callers get a Buffer either way. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded images, in the database: they live where the catalog lives, so they survive deploys and every app
 * instance serves them (PGlite, PostgreSQL and Neon alike). One row per stored width of an image.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    /** The image's name in its URL (`/media/<id>.webp`). */
    id: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    contentType: text().notNull(),
    data: bytea().notNull(),
    /** A strong ETag: the SHA-256 of the bytes. */
    etag: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.width] })],
);
