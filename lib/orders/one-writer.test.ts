import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Order state has one writer: lib/orders (over db/queries). The app's other code asks it through commands.
const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_SOURCES = ["app", "components", "lib", "proxy.ts"];
const ALLOWED = [path.join("lib", "orders") + path.sep, path.join("lib", "testing") + path.sep];

const WRITES = [
  // Drizzle writes to the order tables…
  /\.(update|insert|delete)\(\s*(orders|orderEvents|orderItems)\b/,
  // …and the order queries that write.
  /\b(updateOrder|insertOrder|appendOrderEvents)\s*\(/,
];

function sources(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
}

function orderWrites(source: string): string[] {
  return source.split("\n").filter((line) => WRITES.some((pattern) => pattern.test(line)));
}

describe("one writer of order state", () => {
  it("finds no write to the orders tables outside lib/orders and db/", () => {
    const offenders: string[] = [];
    for (const file of APP_SOURCES.flatMap(sources)) {
      if (!/\.tsx?$/.test(file) || file.endsWith(".test.ts") || ALLOWED.some((dir) => file.startsWith(dir))) continue;
      for (const line of orderWrites(readFileSync(path.join(ROOT, file), "utf8")))
        offenders.push(`${file}: ${line.trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  // The writer's internals (lockOrder, applyCommands, settling inside a transaction) are lib/orders' own: others
  // change orders through a unit of work (withOrders, changeOrder, applyToOrder, settleOrder), which runs what waits
  // for the commit itself.
  it("finds no import of the order writer's internals outside lib/orders", () => {
    const internals = /from "@\/lib\/orders\/(runner|observation)"|\b(lockOrder|applyCommands)\b/;
    const offenders = APP_SOURCES.flatMap(sources)
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(path.join("lib", "orders") + path.sep))
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), "utf8")
          .split("\n")
          .filter((line) => internals.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("recognises the writes it forbids", () => {
    expect(orderWrites("await tx.update(orders).set({ refundedPaise: 0 })")).toHaveLength(1);
    expect(orderWrites("await orderQueries.appendOrderEvents(db, [])")).toHaveLength(1);
    expect(orderWrites("const order = await queries.getOrder(db, id)")).toHaveLength(0);
  });
});
