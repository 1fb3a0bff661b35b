import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, requirePostgres, type TestDatabase } from "@/db/testing/databases";
import { LIMITS } from "@/lib/rate-limit/limits";
import * as server from "@/scripts/server.mjs";

import { clientAddress, CONNECTION_ADDRESS_HEADER, SERVER_ENTRY_MARK, servedByShopServer } from "./client-address";

// Review defect 26.5: Next.js sets X-Forwarded-For only when a request has none, so with `next start` reached
// directly the client wrote the address every per-address limit counted (30 "find my order" asks with rotating
// values were never limited). Here real HTTP servers: the shop's server (scripts/server.mjs) reached directly, and
// behind one proxy; clients speak from loopback addresses of their own (127.0.0.x), so each is a different client.
const postgres = await requirePostgres();

const listen = async (target: http.Server) => {
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  return (target.address() as AddressInfo).port;
};

/** One POST from `localAddress` with the headers a client chose; the status and body. */
function ask(port: number, localAddress: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method: "POST", localAddress, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** A load balancer as one in front of the shop: appends the address it was connected from to X-Forwarded-For. */
function oneProxy(upstreamPort: number) {
  return http.createServer((req, res) => {
    const headers = { ...req.headers };
    headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request({ host: "127.0.0.1", port: upstreamPort, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

const asHeaders = (request: http.IncomingMessage) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  return headers;
};

describe("the client's address", () => {
  it("names the same header and mark as the shop's server, which runs without a TypeScript loader", () => {
    expect(server.CONNECTION_ADDRESS_HEADER).toBe(CONNECTION_ADDRESS_HEADER);
    expect(server.SERVER_ENTRY_MARK).toBe(SERVER_ENTRY_MARK);
  });

  it("with no proxy, is nothing unless the shop's server wrote it (under `next start` it is the client's)", () => {
    const written = new Headers({ [CONNECTION_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" });
    expect(servedByShopServer()).toBe(false);
    expect(clientAddress(written, 0)).toBeNull();
  });

  it("from the shop's server, is the connection's own address, whatever the client wrote", async () => {
    const seen: (string | null)[] = [];
    const shop = server.createShopServer((request, response) => {
      seen.push(clientAddress(asHeaders(request), 0));
      response.end();
    });
    const port = await listen(shop);
    try {
      await ask(port, "127.0.0.7", { "x-forwarded-for": "198.51.100.1", [CONNECTION_ADDRESS_HEADER]: "198.51.100.2" });
      await ask(port, "127.0.0.8", {});
      expect(seen).toEqual(["127.0.0.7", "127.0.0.8"]);
    } finally {
      shop.close();
    }
  });
});

describe.skipIf(!postgres)("find my order from rotating X-Forwarded-For values, on real PostgreSQL", () => {
  let database: TestDatabase;
  let emailOrderLinkIfMatches: typeof import("@/lib/orders/find").emailOrderLinkIfMatches;
  let ask30: (port: number, from: string) => Promise<number[]>;

  /** The shop's server answering "find my order" as the action does: 200, or 429 once the limit is reached. */
  const shopAt = (trustedHops: number) =>
    server.createShopServer(async (request, response) => {
      const address = clientAddress(asHeaders(request), trustedHops);
      const n = String(request.headers["x-n"]).replaceAll(".", "-");
      const outcome = await emailOrderLinkIfMatches({
        email: `probe${n}@example.com`,
        orderId: `KC-NOPE-${n}`,
        address,
      });
      response.writeHead(outcome === "answered" ? 200 : 429).end();
    });

  beforeAll(async () => {
    database = await createTestDatabase("pg");
    process.env.DATABASE_URL = database.url;
    ({ emailOrderLinkIfMatches } = await import("@/lib/orders/find"));
    // Each ask writes another address into both headers a client could hope the app reads.
    ask30 = async (port, from) => {
      const statuses = [];
      for (let n = 0; n < 30; n++) {
        const spoofed = `198.51.${Math.floor(n / 200)}.${n % 200}`;
        const headers = { "x-forwarded-for": spoofed, [CONNECTION_ADDRESS_HEADER]: spoofed, "x-n": `${from}-${n}` };
        statuses.push((await ask(port, from, headers)).status);
      }
      return statuses;
    };
  });
  afterAll(async () => {
    await (await import("@/db")).closeDb();
    await database?.close();
  });

  const { points } = LIMITS.findOrderPerAddress;

  it("reached directly: counts the connection's address, so the 11th ask is refused, and another client is not", async () => {
    const shop = shopAt(0);
    const port = await listen(shop);
    try {
      const statuses = await ask30(port, "127.0.0.21");
      expect(statuses.filter((status) => status === 200)).toHaveLength(points);
      expect(statuses.slice(points).every((status) => status === 429)).toBe(true);
      expect((await ask(port, "127.0.0.22", { "x-n": "other" })).status).toBe(200);
    } finally {
      shop.close();
    }
  });

  it("behind one proxy: counts the address the proxy saw, so the 11th ask is refused, and another client is not", async () => {
    const shop = shopAt(1);
    const proxy = oneProxy(await listen(shop));
    const port = await listen(proxy);
    try {
      const statuses = await ask30(port, "127.0.0.31");
      expect(statuses.filter((status) => status === 200)).toHaveLength(points);
      expect(statuses.slice(points).every((status) => status === 429)).toBe(true);
      expect((await ask(port, "127.0.0.32", { "x-n": "other" })).status).toBe(200);
    } finally {
      proxy.close();
      shop.close();
    }
  });
});
