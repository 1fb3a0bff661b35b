import { beforeAll, describe, expect, it, vi } from "vitest";

// Review defect 8: /api/health called Cashfree on every hit and told anyone the environment and whether the
// credentials worked.
const session: { adminId?: string; sessionId?: string } | null = null;
vi.mock("@/lib/auth", () => ({ auth: async () => session, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";
process.env.CRON_SECRET = "health-test-cron-secret";

let GET: typeof import("./route").GET;
const probe = vi.fn(async () => ({ ok: false as const, detail: "unreachable" as const }));

beforeAll(async () => {
  const { cashfree } = await import("@/lib/cashfree");
  cashfree.probe = probe;
  ({ GET } = await import("./route"));
});

const hit = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/health", { headers }));

describe("GET /api/health", () => {
  it("tells anyone only whether the shop is alive, without asking Cashfree", async () => {
    const response = await hit();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(probe).not.toHaveBeenCalled();
  });

  it("gives the operator the details, probing Cashfree at most once a minute however often it is asked", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => hit({ authorization: "Bearer health-test-cron-secret" })),
    );
    const body = await responses[0]!.json();
    expect(body).toMatchObject({
      ok: true,
      database: { ok: true },
      cashfree: { ok: false, detail: "unreachable", environment: "local" },
    });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(await (await hit({ authorization: "Bearer wrong" })).json()).toEqual({ ok: true });
  });
});
