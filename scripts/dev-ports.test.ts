import { spawn } from "node:child_process";
import net from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { busyPortHints, shopAddress } from "./dev-ports";

/** A port nothing listens on right now (the kernel's pick), so parallel runs do not collide on a fixed 4000. */
async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const holders: net.Server[] = [];
/** Takes a port, as another program would. */
async function occupy(port: number, host?: string) {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  holders.push(server);
}
const launched: (() => void)[] = [];
afterEach(async () => {
  for (const stop of launched.splice(0)) stop();
  await Promise.all(holders.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** `npm run dev` (scripts/dev.ts) with these variables; resolves with its output once `until` matches or it exits. */
function runDev(env: Record<string, string>, until: RegExp) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    env: { ...process.env, OUTBOX_LOOP: "off", ORDER_EMAILS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  return new Promise<{ output: string; code: number | null; stop: () => void }>((resolve) => {
    const stop = () => {
      // The launcher and its children (sandbox, mail catcher, shop) are one process group.
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    };
    launched.push(stop);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ output, code: null, stop });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => resolve({ output, code, stop }));
  });
}

describe("shopAddress", () => {
  it("listens on PORT and gives the local URL its port when APP_URL is unset", () => {
    expect(shopAddress({ PORT: "4000" })).toEqual({
      port: 4000,
      appUrl: "http://localhost:4000",
      notice: "Shop: http://localhost:4000 (PORT=4000; APP_URL is unset, so it follows PORT)",
    });
    expect(shopAddress({})).toMatchObject({ port: 3000, appUrl: "http://localhost:3000" });
  });

  it("takes the port from APP_URL without PORT", () => {
    expect(shopAddress({ APP_URL: "http://localhost:3400/" })).toMatchObject({
      port: 3400,
      appUrl: "http://localhost:3400",
    });
  });

  it("lets PORT win over a local APP_URL's port, moves APP_URL with it, and says so", () => {
    const shop = shopAddress({ PORT: "4000", APP_URL: "http://localhost:3000" });
    expect(shop).toMatchObject({ port: 4000, appUrl: "http://localhost:4000" });
    expect(shop.notice).toMatch(/^PORT=4000 and APP_URL=http:\/\/localhost:3000 disagree: PORT wins/);
    expect(shop.notice).toContain("Cashfree's return and webhook URLs");
  });

  it("keeps a public APP_URL (a tunnel or proxy) and listens on PORT behind it", () => {
    const shop = shopAddress({ PORT: "4000", APP_URL: "https://shop.example.in" });
    expect(shop).toMatchObject({ port: 4000, appUrl: "https://shop.example.in" });
    expect(shop.notice).toContain("must forward to this port");
  });

  it("refuses a PORT that is not a port", () => {
    expect(() => shopAddress({ PORT: "four thousand" })).toThrow(/PORT: "four thousand" is not a port number/);
  });
});

describe("busyPortHints", () => {
  it("names the busy port, its service and a free port to use instead", async () => {
    const port = await freePort();
    await occupy(port, "127.0.0.1");
    const hints = await busyPortHints([
      { port, host: "127.0.0.1", service: "the local Cashfree sandbox", variable: "CASHFREE_SANDBOX_PORT" },
    ]);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(
      new RegExp(
        `^Port ${port} is already in use, so the local Cashfree sandbox cannot listen there .*` +
          `pick another port: CASHFREE_SANDBOX_PORT=\\d+ npm run dev$`,
      ),
    );
    expect(await busyPortHints([{ port: await freePort(), service: "the shop", variable: "PORT" }])).toEqual([]);
  });
});

describe("npm run sandbox", () => {
  it("names its busy port and the variable that moves it", async () => {
    const port = await freePort();
    await occupy(port, "127.0.0.1");
    const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      env: { ...process.env, CASHFREE_SANDBOX_PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} is already in use, so the Cashfree sandbox cannot listen there`);
    expect(output).toContain(`CASHFREE_SANDBOX_PORT=${port + 1} npm run sandbox`);
  }, 60_000);
});

describe("npm run dev", () => {
  it("stops before starting anything when a port is taken, with a hint for each busy one", async () => {
    const [shopPort, sandboxPort, smtpPort, webPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    await occupy(shopPort);
    await occupy(smtpPort, "127.0.0.1");
    const { output, code } = await runDev(
      {
        PORT: String(shopPort),
        CASHFREE_SANDBOX_PORT: String(sandboxPort),
        MAILDEV_SMTP_PORT: String(smtpPort),
        MAILDEV_WEB_PORT: String(webPort),
      },
      /$^/,
    );
    expect(code).toBe(1);
    expect(output).toContain(`Port ${shopPort} is already in use, so the shop cannot listen there`);
    expect(output).toMatch(/pick another port: PORT=\d+ npm run dev/);
    expect(output).toContain(`Port ${smtpPort} is already in use, so the mail catcher's SMTP server cannot`);
    expect(output).toMatch(/MAILDEV_SMTP_PORT=\d+ npm run dev/);
    expect(output).not.toContain("Shop listening");
  }, 60_000);

  it("listens on PORT and says so", async () => {
    const [shopPort, sandboxPort, smtpPort, webPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const dev = await runDev(
      {
        PORT: String(shopPort),
        APP_URL: "",
        CASHFREE_SANDBOX_PORT: String(sandboxPort),
        MAILDEV_SMTP_PORT: String(smtpPort),
        MAILDEV_WEB_PORT: String(webPort),
      },
      new RegExp(`Shop listening on http://localhost:${shopPort}`),
    );
    try {
      expect(dev.output).toContain(
        `Shop: http://localhost:${shopPort} (PORT=${shopPort}; APP_URL is unset, so it follows PORT)`,
      );
      expect(dev.code).toBeNull();
      // Something answers on that port: the shop's server, not only a line in the log.
      await new Promise<void>((resolve, reject) =>
        net.connect(shopPort, "127.0.0.1", resolve).once("error", reject).unref(),
      );
    } finally {
      dev.stop();
    }
  }, 180_000);
});
