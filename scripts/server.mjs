// The shop's server (`npm start`, and `npm run dev` with --dev): Next.js's own request handler in a node:http
// server that first writes the address each request's connection comes from where the app reads it
// (lib/client-address.ts). `next start` cannot be used for a shop reachable without a proxy: Next.js sets
// X-Forwarded-For only when a request has none, so a client connecting directly writes its own address, and every
// per-address rate limit would count what the client chose. Plain JavaScript: it runs without a TypeScript loader.
// Custom servers: https://nextjs.org/docs/app/guides/custom-server
import http from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** As in lib/client-address.ts (client-address.test.ts checks that both say the same). */
export const CONNECTION_ADDRESS_HEADER = "x-connection-address";
export const SERVER_ENTRY_MARK = Symbol.for("storefront.server-entry");

/**
 * Overwrites the request's connection-address header, whatever the client sent under that name, with the address
 * its connection comes from (an IPv4 client of a dual-stack socket as plain IPv4, so it is one client either way).
 *
 * @param {http.IncomingMessage} request
 */
export function writeConnectionAddress(request) {
  const address = request.socket.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (address) request.headers[CONNECTION_ADDRESS_HEADER] = address;
  else delete request.headers[CONNECTION_ADDRESS_HEADER];
}

/** Requests that reach the app in this process carry an address only this server wrote (lib/client-address.ts). */
function markProcess() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[SERVER_ENTRY_MARK] = true;
}

/**
 * A node:http server that writes the connection's address into each request, then hands it to `handle`.
 *
 * @param {(request: http.IncomingMessage, response: http.ServerResponse) => unknown} handle
 */
export function createShopServer(handle) {
  markProcess();
  return http.createServer((request, response) => {
    writeConnectionAddress(request);
    return handle(request, response);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
    },
  });
  const dev = values.dev;
  // As `next start` and `next dev` set it, before Next.js is loaded.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  // Before Next.js starts: its instrumentation (register) checks for it.
  markProcess();
  const { default: next } = await import("next");
  const app = next({ dev, port, hostname: values.hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createShopServer((request, response) => handle(request, response));
  server.once("error", (error) => {
    const busy = /** @type {NodeJS.ErrnoException} */ (error).code === "EADDRINUSE";
    console.error(
      busy
        ? `Port ${port} is already in use, so the shop cannot listen there (\`lsof -i :${port}\` shows what holds ` +
            `it). Stop it, or pick another port: PORT=${port + 1} ${dev ? "npm run dev" : "npm start"}`
        : `The shop cannot listen on port ${port}: ${error.message}`,
    );
    process.exit(1);
  });
  // Next.js (dev) answers its hot-reload websocket on the server the first request arrived on.
  server.listen(port, values.hostname, () => {
    console.log(
      `Shop listening on http://${values.hostname ?? "localhost"}:${port} (${dev ? "development" : "production"})`,
    );
  });
  const stop = () => server.close(() => void app.close().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
