import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deleteKeys, requireRedis, TEST_REDIS_URL, testKeyPrefix } from "@/lib/testing/redis";

import type { SharedStore, StoredEntry } from "./cache-handler.mjs";

// The shared page cache against a real Redis: what one instance writes or invalidates, another sees, and Redis
// going away (refusing connections, or hanging) costs a page at most a timeout, never the page.
const redis = await requireRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quiet = { warn: () => undefined, info: () => undefined };

const entry = (tags: string[], value: unknown = { kind: "FETCH", data: { body: "{}" }, revalidate: 300 }) =>
  ({ lastModified: Date.now(), lifespan: null, tags, value }) satisfies StoredEntry;

/**
 * A TCP proxy to Redis that can refuse every connection ("cut"), or hold everything sent either way until it is
 * up again ("stall": a Redis that hangs, as one busy with a slow command does).
 */
async function redisProxy() {
  const target = new URL(TEST_REDIS_URL);
  let mode: "up" | "cut" | "stall" = "up";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === "cut") return void client.destroy();
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      if (mode === "stall") from.pause();
      from.on("error", () => undefined);
      from.on("close", () => (sockets.delete(from), to.destroy()));
      from.on("data", (chunk) => to.write(chunk));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    set(next: typeof mode) {
      mode = next;
      for (const socket of sockets) {
        if (mode === "cut") socket.destroy();
        else if (mode === "stall") socket.pause();
        else socket.resume();
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function timed<T>(work: Promise<T>) {
  const started = performance.now();
  const result = await work;
  return { result, ms: performance.now() - started };
}

describe.skipIf(!redis)("the shared page cache (real Redis)", () => {
  const prefix = testKeyPrefix();
  const clients: Redis[] = [];
  let lib: typeof import("./cache-handler.mjs");

  /** One instance's connection to the shared store. */
  const instance = (keyPrefix: string) => {
    const { client, handler } = lib.createSharedRedisHandler({ url: TEST_REDIS_URL, keyPrefix, log: quiet });
    clients.push(client);
    return handler;
  };
  const ready = async (store: SharedStore) => {
    await expect.poll(() => store.get("nothing", { implicitTags: [] }).catch(() => "not ready")).toBeNull();
  };

  beforeAll(async () => {
    lib = await import("./cache-handler.mjs");
  });
  afterAll(async () => {
    if (clients[0]) await deleteKeys(clients[0], prefix);
    for (const client of clients) client.disconnect();
  });

  it("an entry one instance wrote is read by another, and a tag invalidated on either is gone for both", async () => {
    const [a, b] = [instance(`${prefix}share:`), instance(`${prefix}share:`)];
    await Promise.all([ready(a), ready(b)]);
    await a.set("/products/masala-chai", entry(["products", "product:masala-chai"]));
    await a.set("/products/kantha-throw", entry(["products", "product:kantha-throw"]));
    await a.set("/policies/refunds", entry(["policy:refunds"]));
    expect(await b.get("/products/masala-chai", { implicitTags: [] })).toMatchObject({
      tags: ["products", "product:masala-chai"],
    });

    await b.revalidateTag("products");
    expect(await a.get("/products/masala-chai", { implicitTags: [] })).toBeNull();
    expect(await a.get("/products/kantha-throw", { implicitTags: [] })).toBeNull();
    expect(await a.get("/policies/refunds", { implicitTags: [] })).not.toBeNull();
  });

  it("revalidatePath's implicit tags reach data another instance cached under that page", async () => {
    const [a, b] = [instance(`${prefix}paths:`), instance(`${prefix}paths:`)];
    await Promise.all([ready(a), ready(b)]);
    await a.set("unstable-cache-key", entry(["product:masala-chai"]));
    await sleep(5);
    await b.revalidateTag("_N_T_/layout");
    // Next asks with the page's implicit tags (softTags) for data read while rendering it.
    expect(await a.get("unstable-cache-key", { implicitTags: ["_N_T_/products/masala-chai"] })).not.toBeNull();
    expect(await a.get("unstable-cache-key", { implicitTags: ["_N_T_/layout"] })).toBeNull();
  });

  it("the handler Next loads keeps the page's lifetime, outlives Redis refusing or hanging, and replays the invalidation it missed", async () => {
    const proxy = await redisProxy();
    const serverDistDir = path.join(mkdtempSync(path.join(tmpdir(), "cache-handler-")), "server");
    writeFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "test-build");
    Object.assign(process.env, { REDIS_URL: proxy.url, REDIS_KEY_PREFIX: `${prefix}next:` });
    const { default: SharedCacheHandler } = lib;
    const next = new SharedCacheHandler({ serverDistDir, revalidatedTags: [], _requestHeaders: {} } as never);
    const other = instance(`${prefix}next:page-cache:test-build:`);
    await ready(other);

    const page = {
      kind: "APP_PAGE",
      html: "<p>Only a few left</p>",
      rscData: Buffer.from("rsc"),
      headers: { "x-next-cache-tags": "products,product:copper-bottle,_N_T_/layout" },
      postponed: undefined,
      status: 200,
      segmentData: undefined,
    } as const;
    const getPage = () => next.get("/route-cache/products/copper-bottle", { kind: "APP_PAGE" } as never);
    const setPage = () =>
      next.set(
        "/route-cache/products/copper-bottle",
        page as never,
        {
          cacheControl: { revalidate: 300, expire: undefined },
        } as never,
      );
    await expect.poll(async () => (await setPage(), await getPage()) !== null).toBe(true);
    const stored = await getPage();
    expect(stored).toMatchObject({ cacheControl: { revalidate: 300 }, value: { html: page.html } });
    expect(Buffer.isBuffer((stored!.value as { rscData: unknown }).rscData)).toBe(true);
    expect(await other.get("/route-cache/products/copper-bottle", { implicitTags: [] })).not.toBeNull();

    for (const outage of ["cut", "stall"] as const) {
      proxy.set(outage);
      // A read is a miss (Next renders the page from the database), a write and an invalidation are dropped:
      // none of them waits much longer than the command timeout (500 ms), none throws.
      for (const work of [getPage(), setPage(), next.revalidateTag("products")] as Promise<unknown>[]) {
        const { ms } = await timed(work);
        expect(ms).toBeLessThan(1_500);
      }
      expect((await timed(getPage())).result).toBeNull();
      // The other instance, still connected, holds the entry this one could not invalidate…
      expect(await other.get("/route-cache/products/copper-bottle", { implicitTags: [] })).not.toBeNull();
      proxy.set("up");
      // …until this one reconnects and sends the invalidation again.
      await expect
        .poll(() => other.get("/route-cache/products/copper-bottle", { implicitTags: [] }), { timeout: 10_000 })
        .toBeNull();
      await expect.poll(async () => (await setPage(), await getPage()) !== null, { timeout: 10_000 }).toBe(true);
    }
    proxy.set("cut");
    await proxy.close();
  });
});
