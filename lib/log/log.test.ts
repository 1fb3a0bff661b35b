import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { CashfreeApiError } from "@/lib/cashfree/errors";

// Next.js's server provides AsyncLocalStorage globally before it loads the app; so does this test.
Object.assign(globalThis, { AsyncLocalStorage });
const { log, logError, tapLogLines, withLogFields } = await import(".");
const { installRequestIds } = await import("./request-id");

// The logger's real output: every JSON line it writes, as written (the pretty format reads the same lines).
let lines: Record<string, unknown>[] = [];
let untap = tapLogLines((line) => lines.push(line));
afterEach(() => {
  untap();
  lines = [];
  untap = tapLogLines((line) => lines.push(line));
});
const written = () => JSON.stringify(lines);

const SECRETS = {
  email: "asha.rao@example.com",
  phone: "9876543210",
  card: "4111 1111 1111 1111",
  cardPlain: "5105105105105100",
  upi: "asha.rao@okaxis",
  token: "Zk3v0qM2cJ8tWw1yP4r9nA",
  cashfreeSecret: "cfsk_ma_test_0123456789abcdef",
  bearer: "eyJhbGciOiJIUzI1NiJ9",
  password: "hunter2-very-secret",
  name: "Asha Rao",
  address: "12 MG Road, Bengaluru",
};

// A real Node.js HTTP server, as `next start` runs one: each request runs its test's code in its handler.
installRequestIds();
const calls = new Map<string, () => unknown>();
/** The id the last request's headers carried when its handler ran (what proxy.ts and next/headers see). */
let seenHeader: string | undefined;
const server = createServer(async (request, response) => {
  seenHeader = request.headers["x-request-id"] as string | undefined;
  await calls.get(request.url!)?.();
  response.end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** One request to the server, with these headers, running `fn` (and what it awaits) in its handler. */
async function inRequest(headers: Record<string, string>, fn: () => unknown): Promise<void> {
  const path = `/call/${calls.size}`;
  calls.set(path, fn);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const call = request({ host: "127.0.0.1", port, path, headers }, (response) =>
      response.resume().on("end", resolve),
    );
    call.on("error", reject).end();
  });
}

describe("the logger", () => {
  it("writes JSON with a level, a time and the message", () => {
    log.info("outbox loop started");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "outbox loop started" });
    expect(typeof lines[0]!.time).toBe("number");
  });

  it("masks every secret and personal datum in messages, fields, nested objects and error messages", () => {
    log.warn(
      `refund for ${SECRETS.email} (${SECRETS.phone}), card ${SECRETS.card}, UPI ${SECRETS.upi}, token ${SECRETS.token}`,
    );
    log.info(
      {
        // Fields named like a secret are dropped whatever they hold.
        password: SECRETS.password,
        customer_email: SECRETS.email,
        webhook: {
          data: {
            customer_details: { customer_name: SECRETS.name, customer_phone: SECRETS.phone },
            payment: { payment_method: { card: { card_number: SECRETS.cardPlain } }, upi: { upi_id: SECRETS.upi } },
          },
        },
        headers: { authorization: `Bearer ${SECRETS.bearer}`, "x-client-secret": SECRETS.cashfreeSecret },
        address: SECRETS.address,
        // Free text under any other name is scrubbed by pattern.
        note: `call ${SECRETS.phone} or write to ${SECRETS.email}; paid with ${SECRETS.cardPlain} via ${SECRETS.upi}`,
        list: [`key=${SECRETS.cashfreeSecret}`, { deeper: [{ secret: SECRETS.password }] }],
      },
      "webhook stored",
    );
    logError("checkout failed", new Error(`Cashfree refused ${SECRETS.email} with card ${SECRETS.card}`));
    logError(
      "insert failed",
      new DrizzleQueryError('insert into "orders" ("email", "phone") values ($1, $2)', [SECRETS.email, SECRETS.name], {
        code: "23505",
        message: "duplicate key",
      } as unknown as Error),
    );
    log.error(new Error(`token=${SECRETS.token} for ${SECRETS.upi}`));

    expect(lines).toHaveLength(5);
    for (const value of Object.values(SECRETS)) expect(written()).not.toContain(value);
    // The card's digits without their spaces, and the secret's body after its prefix, are gone too.
    expect(written()).not.toContain("4111111111111111");
    expect(written()).not.toContain("0123456789abcdef");
    expect(lines[0]!.msg).toBe("refund for [email] ([phone]), card [card], UPI [upi], token [token]");
    expect(lines[1]).toMatchObject({
      msg: "webhook stored",
      password: "[redacted]",
      customer_email: "[redacted]",
      headers: { authorization: "[redacted]", "x-client-secret": "[redacted]" },
      note: "call [phone] or write to [email]; paid with [card] via [upi]",
    });
    expect(lines[2]).toMatchObject({
      msg: "checkout failed",
      err: { type: "Error", message: "Error: Cashfree refused [email] with card [card]" },
    });
    // The stack keeps its frames, never the message's first line.
    expect((lines[2]!.err as { stack: string }).stack).toMatch(/^at /);
    expect(lines[3]).toMatchObject({
      err: {
        message: 'database error 23505: duplicate key (in: insert into "orders" ("email", "phone") values ($1, $2))',
      },
    });
    expect(lines[4]).toMatchObject({ msg: "unexpected error", err: { message: "Error: token=[secret] for [upi]" } });
  });

  it("keeps what is not secret: amounts, timestamps, error codes, our ids", () => {
    logError(
      "refund refused",
      new CashfreeApiError(400, "refund_amount_invalid", "invalid_request_error", "amount 170.00", "req-1"),
      {
        orderId: "KC-261202-7QH3M2XA",
        cfPaymentId: "5114910434425",
        requestId: "0b9f0d0e-8d7c-4b1e-9a51-1f5b0b6c2d3e",
      },
    );
    expect(lines[0]).toMatchObject({
      orderId: "KC-261202-7QH3M2XA",
      cfPaymentId: "5114910434425",
      requestId: "0b9f0d0e-8d7c-4b1e-9a51-1f5b0b6c2d3e",
      err: { type: "CashfreeApiError", message: "CashfreeApiError: Cashfree 400 refund_amount_invalid: amount 170.00" },
    });
  });

  it("puts the request's id on every line inside a request, and none outside one", async () => {
    await inRequest({ "x-request-id": "r-7f3a9c" }, async () => {
      log.info("one");
      await new Promise((resolve) => setTimeout(resolve, 5));
      logError("two", new Error("boom"));
    });
    log.info("outside");
    expect(lines.map((line) => line.requestId)).toEqual(["r-7f3a9c", "r-7f3a9c", undefined]);
  });

  it("gives a request without a sane id one of its own, the same on all its lines", async () => {
    await inRequest({ "x-request-id": 'forged", "level": "fatal' }, async () => {
      log.info("a");
      await Promise.resolve();
      log.info("b");
    });
    await inRequest({ "x-request-id": "x".repeat(200) }, () => log.info("c"));
    await inRequest({}, () => log.info("d"));
    const [a, b, c, d] = lines.map((line) => line.requestId as string);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(c).toMatch(/^[0-9a-f-]{36}$/);
    expect(d).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([a, c, d]).size).toBe(3);
    // The framework sees the same id in the request's headers: proxy.ts keeps it and returns it.
    expect(seenHeader).toBe(d);
  });

  it("keeps each request's id apart when requests overlap", async () => {
    const slow = inRequest({ "x-request-id": "slow-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      log.info("slow");
    });
    await inRequest({ "x-request-id": "fast-2" }, () => log.info("fast"));
    await slow;
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["fast", "fast-2"],
      ["slow", "slow-1"],
    ]);
  });

  it("binds order and payment ids to every line in a scope, however deep", async () => {
    await withLogFields({ orderId: "KC-1" }, async () => {
      await withLogFields({ cfPaymentId: "5114910434425" }, async () => {
        await Promise.resolve();
        logError("apply failed", new Error("x"));
      });
      log.info("after");
    });
    expect(lines[0]).toMatchObject({ orderId: "KC-1", cfPaymentId: "5114910434425" });
    expect(lines[1]).toMatchObject({ orderId: "KC-1" });
    expect(lines[1]).not.toHaveProperty("cfPaymentId");
  });

  it("lets work that merely started in another's scope replace its fields, and a line drop the request id", async () => {
    await inRequest({ "x-request-id": "r-1" }, () =>
      withLogFields({ webhookEventId: "w-1", orderId: "KC-1" }, () => {
        withLogFields({ jobId: "j-1", orderId: "KC-2" }, () => log.info("job"), { replace: true });
        logError("pool connection lost", new Error("gone"), { requestId: undefined });
      }),
    );
    expect(lines[0]).toMatchObject({ requestId: "r-1", jobId: "j-1", orderId: "KC-2" });
    expect(lines[0]).not.toHaveProperty("webhookEventId");
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("in production, turns console errors and warnings into redacted JSON lines, leaving digested ones to onRequestError", async () => {
    const original = { error: console.error, warn: console.warn };
    const { routeConsoleToLogger } = await import("./console");
    try {
      routeConsoleToLogger();
      console.warn("deprecated option used by", SECRETS.email);
      console.error(" ⨯", new Error(`Failed query: select 1\nparams: ${SECRETS.token},${SECRETS.name}`));
      console.error(" ⨯", Object.assign(new Error("render failed"), { digest: "123" }));
    } finally {
      Object.assign(console, original);
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "deprecated option used by [email]" });
    expect(lines[1]).toMatchObject({ level: "error", msg: "⨯" });
    expect(written()).not.toContain(SECRETS.token);
    expect(written()).not.toContain(SECRETS.name);
  });
});
