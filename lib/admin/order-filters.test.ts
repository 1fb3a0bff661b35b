import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, parseOrderFilters } from "./order-filters";

describe("order list page edges in the address", () => {
  const row = { createdAt: "2026-12-03 10:15:02.123456+00", id: "KC-2612-ABC", totalPaise: 129_900 };

  it("round-trips a cursor, after and before", () => {
    const token = encodeCursor(row);
    expect(decodeCursor(parseOrderFilters({ after: token }))).toEqual({ direction: "after", row });
    expect(decodeCursor(parseOrderFilters({ before: token }))).toEqual({ direction: "before", row });
  });

  it.each([
    ["not base64 json", "%%%"],
    ["a timestamp that is SQL", Buffer.from(JSON.stringify(["now()); drop table orders; --", "KC-1", 1]))],
    ["an id with quotes", Buffer.from(JSON.stringify([row.createdAt, "KC'1", 1]))],
    ["a fractional total", Buffer.from(JSON.stringify([row.createdAt, "KC-1", 1.5]))],
    ["too long", "a".repeat(300)],
  ])("takes %s as the first page", (_, token) => {
    const value = typeof token === "string" ? token : token.toString("base64url");
    expect(decodeCursor(parseOrderFilters({ after: value }))).toBeUndefined();
  });
});
