import { afterAll, describe, expect, it } from "vitest";

import { CONNECTION_ADDRESS_HEADER, SERVER_ENTRY_MARK } from "@/lib/client-address";
import { LIMITS } from "@/lib/rate-limit/limits";

// The shop's limits on an in-memory PGlite, set before the configuration is read (the imports below); the shop is
// reached directly, as its server (scripts/server.mjs) does, which writes each connection's address.
process.env.PGLITE_DIR = "memory://";
process.env.DATABASE_URL = "";
delete process.env.REDIS_URL;
delete process.env.TRUSTED_PROXY_HOPS;
(globalThis as Record<symbol, unknown>)[SERVER_ENTRY_MARK] = true;
const { GET } = await import("./route");
afterAll(async () => {
  await (await import("@/db")).closeDb();
});

let address = 0;
/** Asks as a client of its own, unless `from` names one. */
const ask = (pincode: string, from = `203.0.113.${++address}`) =>
  GET(
    new Request(`http://localhost:3000/api/pincodes/${pincode}`, { headers: { [CONNECTION_ADDRESS_HEADER]: from } }),
    { params: Promise.resolve({ pincode }) },
  );

describe("GET /api/pincodes/[pincode]", () => {
  it("answers a PIN code's state and city, cacheable for a day", async () => {
    const response = await ask("110001");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(await response.json()).toEqual({ pincode: "110001", known: true, states: ["Delhi"], city: "New Delhi" });
  });

  it("answers a PIN code not in the list with the states its first digits serve", async () => {
    expect(await (await ask("560999")).json()).toEqual({
      pincode: "560999",
      known: false,
      states: ["Karnataka"],
      prefix: "560",
    });
  });

  it("refuses a malformed PIN code (400) and one no circle uses (404) with the rule", async () => {
    const malformed = await ask("012345");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: "PIN codes don't start with 0: the first digit is the postal region, 1 to 8",
    });
    const nowhere = await ask("100001");
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({ error: "No Indian PIN code starts with 10: please check the PIN code" });
  });

  it("limits one address's lookups", async () => {
    const from = "198.51.100.7";
    for (let i = 0; i < LIMITS.pincodeLookupPerAddress.points; i++)
      expect((await ask("560025", from)).status).toBe(200);
    const limited = await ask("560025", from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
