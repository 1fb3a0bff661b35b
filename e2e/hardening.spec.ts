import { expect, test } from "@playwright/test";
import sharp from "sharp";

import { OWNER, SIGN_IN_TIMEOUT, signIn } from "./helpers";
import { E2E_APP_URL, E2E_CRON_SECRET } from "./ports";

// Defects from the outside review, checked against the running production build over real HTTP.

test("the public health check says only whether the shop is alive; the operator gets the details", async ({
  request,
}) => {
  const open = await request.get("/api/health");
  expect(open.status()).toBe(200);
  expect(await open.json()).toEqual({ ok: true });
  const operator = await request.get("/api/health", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(await operator.json()).toMatchObject({ ok: true, database: { ok: true }, cashfree: { ok: true } });
});

test("a cross-origin Server Action post gets 403, not a server error", async ({ request }) => {
  const response = await request.post("/checkout", {
    headers: {
      "next-action": "0123456789abcdef0123456789abcdef01234567",
      origin: "https://evil.example",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe("Cross-origin request refused.");
});

test("a chunked oversized webhook is refused with 413 without the app reading it all", async () => {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x7b);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      // 50 MB on offer; the app must stop reading at its 256 KB limit.
      if (sent >= 50 * 1024 * 1024) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const response = await fetch(`${E2E_APP_URL}/api/webhooks/cashfree`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/json" },
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(sent).toBeLessThan(10 * 1024 * 1024);
});

// Issue 26, item 7.

test("an address that names nothing answers 404, however it is encoded, never a server error", async ({ request }) => {
  for (const path of [
    "/orders/%00",
    "/orders/%25ZZ",
    "/products/%00",
    "/products/%E0%A4%A",
    "/products/%ZZ",
    "/policies/%ZZ",
    "/categories/%ZZ",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("an admin order address that names nothing answers 404 to a signed-in admin, never a server error", async ({
  page,
}) => {
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  for (const path of ["/admin/orders/%25ZZ", "/admin/orders/%00", "/admin/orders/KC-NOT-AN-ORDER"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a cross-origin plain form post (no next-action header) gets 403, not a server error", async ({ request }) => {
  const multipart = await request.post("/checkout", {
    headers: { origin: "https://evil.example" },
    multipart: { $ACTION_ID_0123456789abcdef0123456789abcdef01234567: "", email: "victim@example.com" },
  });
  expect(multipart.status()).toBe(403);
  expect(await multipart.text()).toBe("Cross-origin request refused.");
  const urlencoded = await request.post("/checkout", {
    headers: { origin: "https://evil.example" },
    form: { email: "victim@example.com" },
  });
  expect(urlencoded.status()).toBe(403);
});

test("a photo over the upload limit is refused with a message in the product and gallery forms, not an error page", async ({
  page,
}) => {
  const tooLarge = { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(7 * 1024 * 1024, 0xff) };
  const answers: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && response.url().includes("/admin/products/"))
      answers.push(response.status());
  });
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  // A new product's first photo comes with its details; later ones through the gallery.
  await page.goto("/admin/products/new");
  const details = page.getByRole("form", { name: "Product" });
  // What the browser requires before it sends anything.
  await details.getByLabel("Name", { exact: true }).fill("Hammered Copper Lota");
  await details.getByLabel("Description").fill("A hammered copper lota, one litre.");
  await details.getByLabel("Category").fill("Kitchen");
  await details.getByLabel("Price (₹)").fill("1499");
  await details.getByLabel("URL slug").fill("hammered-copper-lota");
  await details.getByLabel("HSN code").fill("7418");
  const image = details.getByLabel("First photo (PNG, JPEG or WebP, up to 5 MB)");
  await image.setInputFiles(tooLarge);
  await details.getByRole("button", { name: "Create product" }).click();
  await expect(details.getByRole("status")).toHaveText("The upload was refused: images must be 5 MB or smaller.");
  await expect(image).toHaveAccessibleDescription("The upload was refused: images must be 5 MB or smaller.");

  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Brass Masala Dabba" }).click();
  const add = page.getByRole("form", { name: "Add a photo" });
  await add.getByLabel("New photo").setInputFiles(tooLarge);
  await add.getByLabel("Its description").fill("Far too large");
  await add.getByRole("button", { name: "Add photo" }).click();
  await expect(add.getByRole("status")).toHaveText("The upload was refused: images must be 5 MB or smaller.");
  await expect(add.getByLabel("New photo")).toHaveAccessibleDescription(
    "The upload was refused: images must be 5 MB or smaller.",
  );
  await expect(page.getByRole("heading", { name: "Brass Masala Dabba", level: 1 })).toBeVisible();
  expect(answers).toEqual([413, 413]);
});

test("a removed product photo is no longer served", async ({ page }) => {
  await signIn(page, OWNER);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Brass Masala Dabba" }).click();
  const add = page.getByRole("form", { name: "Add a photo" });
  const photo = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#8a6d1f" } })
    .png()
    .toBuffer();
  await add.getByLabel("New photo").setInputFiles({ name: "lid.png", mimeType: "image/png", buffer: photo });
  await add.getByLabel("Its description").fill("The dabba with its lid open");
  await add.getByRole("button", { name: "Add photo" }).click();
  const photos = page.getByRole("list", { name: "Photos" }).getByRole("listitem");
  const added = photos.last().locator("img");
  await expect(photos.last().getByLabel(/Description/)).toHaveValue("The dabba with its lid open");
  const src = new URL((await added.getAttribute("src"))!, page.url());
  const path = src.pathname.match(/^\/media\/[a-f0-9]{24}\.webp$/)?.[0];
  expect(path, src.toString()).toBeTruthy();
  expect((await page.request.get(path!)).status()).toBe(200);

  const count = await photos.count();
  await page.getByRole("button", { name: `Remove photo ${count}` }).click();
  await expect(photos).toHaveCount(count - 1);
  expect((await page.request.get(path!)).status()).toBe(404);
});
