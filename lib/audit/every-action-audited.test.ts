import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { auditEvents } from "@/db/schema";

// Every admin entry point is audited: each server action and route handler under app/ that an admin session
// reaches is built with adminAction/adminRoute (and so names its audit action), or is listed below with where its
// row is written instead (or why there is none). A new admin action without one fails here; so does one whose call writes no row.
const session = vi.hoisted(() => ({ current: null as { adminId: string; sessionId: string } | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
// The sign-in actions import next-auth itself, which needs Next's runtime to load.
vi.mock("next-auth", () => ({ AuthError: class extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";

const NOT_THROUGH_THE_CLIENT: Record<string, string> = {
  "lib/actions/admin/session.ts#signOutAction": "next-auth's signOut event (lib/audit/sign-in.ts recordSignOut)",
  "lib/actions/admin/session.ts#signInAction": "the credentials provider's authorize (lib/audit/sign-in.ts)",
  "lib/actions/admin/session.ts#oauthSignInAction": "next-auth's signIn callback and event (lib/audit/sign-in.ts)",
  "app/api/cashfree/oauth/callback/route.ts#GET": "the route itself, as cashfree.connect (audit.test-suite.ts)",
  "app/api/health/route.ts#GET": "nothing to audit: a read, where a session only adds detail",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

/** Server action files (lib/actions) and route handlers (app) that an admin session reaches. */
const ADMIN_ENTRY_POINTS = [...sourceFiles("app"), ...sourceFiles("lib/actions")].filter((file) => {
  const text = readFileSync(file, "utf8");
  const endpoint = text.trimStart().startsWith('"use server"') || path.basename(file) === "route.ts";
  const admin =
    file.startsWith("app/admin/") ||
    file.startsWith("lib/actions/admin/") ||
    /requireAdmin|currentAdmin|adminAction|adminRoute/.test(text);
  return endpoint && admin;
});

async function endpointsOf(file: string) {
  const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
  return Object.entries(exports).filter(([, value]) => typeof value === "function") as [
    string,
    (input: unknown) => Promise<unknown>,
  ][];
}

describe("every admin action and route is audited", () => {
  let auditActionOf: (endpoint: unknown) => string | undefined;

  beforeAll(async () => {
    ({ auditActionOf } = await import("@/lib/actions/client"));
  });

  it("finds the admin entry points (the scan itself works)", () => {
    expect(ADMIN_ENTRY_POINTS).toEqual(
      expect.arrayContaining([
        "lib/actions/admin/orders.ts",
        "lib/actions/admin/products.ts",
        "lib/actions/admin/cashfree.ts",
        "lib/actions/admin/session.ts",
        "app/admin/(console)/orders/export/route.ts",
        "app/api/cashfree/oauth/callback/route.ts",
      ]),
    );
  });

  it("names an audit action for every export, or says where its row is written", async () => {
    const unaudited: string[] = [];
    for (const file of ADMIN_ENTRY_POINTS)
      for (const [name, endpoint] of await endpointsOf(file))
        if (!auditActionOf(endpoint) && !NOT_THROUGH_THE_CLIENT[`${file}#${name}`]) unaudited.push(`${file}#${name}`);
    expect(unaudited, "admin endpoints built without adminAction/adminRoute (and so without an audit row)").toEqual([]);
  });

  it("writes a row for a staff member's call to each, whatever it answered", async () => {
    const { getDb } = await import("@/db");
    const { insertAdmin } = await import("@/db/queries/admin-users");
    const db = await getDb();
    const staff = await insertAdmin(db, {
      email: "staff-every@example.com",
      name: "S",
      role: "staff",
      passwordHash: "x",
    });
    session.current = { adminId: staff!.id, sessionId: crypto.randomUUID() };
    const silent: string[] = [];
    for (const file of ADMIN_ENTRY_POINTS)
      for (const [name, endpoint] of await endpointsOf(file)) {
        const action = auditActionOf(endpoint);
        if (!action) continue;
        const before = await db.select().from(auditEvents).where(eq(auditEvents.action, action));
        const answer = await endpoint(name === "GET" ? new Request("http://localhost/admin/probe") : {});
        if (answer instanceof Response) await answer.body?.cancel();
        const after = await db.select().from(auditEvents).where(eq(auditEvents.action, action));
        const added = after.filter((row) => !before.some((old) => old.id === row.id));
        if (added.length !== 1 || added[0]!.actorAdminId !== staff!.id) silent.push(`${file}#${name} (${action})`);
      }
    expect(silent, "endpoints whose call did not write exactly one row naming the admin").toEqual([]);
  });
});
