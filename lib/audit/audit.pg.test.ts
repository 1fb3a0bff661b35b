import { vi } from "vitest";

import { requirePostgres } from "@/db/testing/databases";

import { auditSuite, type TestRequest } from "./audit.test-suite";

// The audit log on real PostgreSQL (node-postgres). The same suite runs on PGlite in audit.pglite.test.ts.
const request = vi.hoisted((): TestRequest => ({ session: null, headers: new Headers() }));
vi.mock("@/lib/auth", () => ({ auth: async () => request.session, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

auditSuite("pg", request, { skip: !(await requirePostgres()) });
