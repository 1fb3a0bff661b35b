import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { paymentWebhookBody, signedHeaders } from "../lib/testing/webhook-fixtures";
import { E2E_APP_LOG, E2E_DB_PROXY_CONTROL_URL, LOCAL_SANDBOX_ONLY, REAL_CASHFREE_SANDBOX } from "./ports";

// What a shopper quotes when something fails leads to the server's log line about it: the reference on an error
// page, an action's message or a webhook's 503, found in the app's JSON log with the request's id. The fault is
// real: the database goes away behind the e2e outage proxy.

test.describe.configure({ mode: "serial" });
test.skip(!process.env.DATABASE_URL, "needs a real PostgreSQL behind the e2e outage proxy (set DATABASE_URL)");

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; digest?: string };

/** The app's log so far: every JSON line of its stdout (`next start` prints a few plain lines first). */
function appLog(): LogLine[] {
  return readFileSync(E2E_APP_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

const linesOf = (requestId: string) => appLog().filter((line) => line.requestId === requestId);

async function withDatabaseDown(page: Page, run: () => Promise<void>) {
  const outage = (state: "down" | "up") => page.request.post(`${E2E_DB_PROXY_CONTROL_URL}/${state}`);
  await outage("down");
  try {
    await run();
  } finally {
    await outage("up");
  }
}

test("a page that fails shows a reference, and the log line with that digest has the request's id", async ({
  page,
}) => {
  const requestId = `e2e-page-${Date.now()}`;
  await page.setExtraHTTPHeaders({ "x-request-id": requestId });
  await withDatabaseDown(page, async () => {
    await page.goto("/search?q=chai");
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  });
  const reference = (await page.getByText(/^Reference /).textContent())!.match(/^Reference (\S+):/)![1]!;

  await expect
    .poll(() => linesOf(requestId).find((line) => line.digest === reference))
    .toMatchObject({
      level: "error",
      msg: "request failed",
      requestId,
      digest: reference,
      route: "/search",
      err: { message: expect.stringMatching(/^database error/) },
    });
});

test("an action that fails answers with the request id as its reference, and it is on the log line", async ({
  page,
}) => {
  // The product page is cached: it still renders with the database away, and its action then fails.
  await page.goto("/products/masala-chai-blend");
  const requestId = `e2e-action-${Date.now()}`;
  await page.setExtraHTTPHeaders({ "x-request-id": requestId });
  await withDatabaseDown(page, async () => {
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status")).toContainText(
      `Something went wrong. Nothing was changed; please try again. (Reference ${requestId})`,
    );
  });
  await expect
    .poll(() => linesOf(requestId).find((line) => line.msg === "shop action failed"))
    .toMatchObject({ level: "error", requestId });
});

test("a webhook that cannot be stored gets 503 with its reference; the log line has no personal data", async ({
  page,
}) => {
  test.skip(REAL_CASHFREE_SANDBOX, LOCAL_SANDBOX_ONLY);
  const requestId = `e2e-webhook-${Date.now()}`;
  const body = paymentWebhookBody({
    orderId: "KC-OBSERVE-1",
    cfPaymentId: "880001",
    status: "SUCCESS",
    amount: "1.00",
  });
  let answer: { status: number; body: unknown } | undefined;
  await withDatabaseDown(page, async () => {
    const response = await page.request.post("/api/webhooks/cashfree", {
      data: body,
      headers: { ...Object.fromEntries(signedHeaders(body).entries()), "x-request-id": requestId },
    });
    answer = { status: response.status(), body: await response.json() };
  });
  expect(answer).toEqual({ status: 503, body: { ok: false, status: "temporarily unavailable", reference: requestId } });

  await expect
    .poll(() => linesOf(requestId).find((line) => line.msg === "webhook"))
    .toMatchObject({
      level: "error",
      requestId,
    });
  // The failed insert's parameters were the webhook's body: none of the shopper's details reach the log.
  const written = JSON.stringify(linesOf(requestId));
  for (const personal of ["Asha Rao", "asha@example.com", "9876543210", "testsuccess@gocash"])
    expect(written).not.toContain(personal);
});
