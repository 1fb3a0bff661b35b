import http from "node:http";
import type { AddressInfo } from "node:net";

export type InstanceName = "a" | "b";

interface ProxiedRequest {
  method: string;
  path: string;
  instance: InstanceName;
  /** The instance's answer; 0 while there is none (or never was: the client gave up first). */
  status: number;
  atMs: number;
}

/** Who a request goes to: a header (`x-e2e-instance`) or cookie (`e2e-instance`) pins it, else its path, else turns. */
const INSTANCE_HEADER = "x-e2e-instance";
const INSTANCE_COOKIE = "e2e-instance";
/** The client address the proxy says it saw (X-Forwarded-For), so a test can be several shoppers; else the socket's. */
const ADDRESS_HEADER = "x-e2e-client-address";
const ADDRESS_COOKIE = "e2e-client-address";

function fromCookie(header: string | undefined, name: string) {
  return header
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([key]) => key === name)?.[1];
}

/**
 * The load balancer in front of the two instances: round-robin, as a real one would spread requests, with pins
 * for the steps that need one instance. It appends the client's address to X-Forwarded-For, as a trusted proxy
 * does (the app trusts one hop), keeps the Host header, and says who answered in `x-served-by`.
 */
export async function startRoundRobinProxy(port: number, instances: Record<InstanceName, number>) {
  const names = Object.keys(instances) as InstanceName[];
  const agent = new http.Agent({ keepAlive: true });
  const pins = new Map<string, InstanceName>();
  const log: ProxiedRequest[] = [];
  let turn = 0;

  const choose = (req: http.IncomingMessage): InstanceName => {
    const asked = req.headers[INSTANCE_HEADER] ?? fromCookie(req.headers.cookie, INSTANCE_COOKIE);
    if (asked === "a" || asked === "b") return asked;
    for (const [prefix, instance] of pins) if (req.url?.startsWith(prefix)) return instance;
    return names[turn++ % names.length]!;
  };

  const server = http.createServer((req, res) => {
    const instance = choose(req);
    const address =
      req.headers[ADDRESS_HEADER] ?? fromCookie(req.headers.cookie, ADDRESS_COOKIE) ?? req.socket.remoteAddress;
    const headers = { ...req.headers };
    delete headers[INSTANCE_HEADER];
    delete headers[ADDRESS_HEADER];
    // Whatever the client wrote stays on the left, untrusted; the entry this proxy adds is the one the app reads.
    headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], address].filter(Boolean).join(", ");
    const entry = { method: req.method ?? "GET", path: req.url ?? "/", instance, status: 0, atMs: Date.now() };
    log.push(entry);
    const upstream = http.request(
      { host: "127.0.0.1", port: instances[instance], method: req.method, path: req.url, headers, agent },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": instance });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "x-served-by": instance });
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    port: (server.address() as AddressInfo).port,
    /** Sends every request under `pathPrefix` (e.g. the webhook endpoint) to one instance, until unpinned. */
    pin(pathPrefix: string, instance: InstanceName) {
      pins.set(pathPrefix, instance);
    },
    unpin(pathPrefix: string) {
      pins.delete(pathPrefix);
    },
    /** The requests received since `sinceMs`, optionally those whose path starts with `pathPrefix`. */
    requests(sinceMs: number, pathPrefix = "/") {
      return log.filter((entry) => entry.atMs >= sinceMs && entry.path.startsWith(pathPrefix));
    },
    close() {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Cookies that make a browser context one shopper at one instance (only the shop's origin receives them). */
export function pinCookies(url: string, instance: InstanceName, clientAddress?: string) {
  return [
    { name: INSTANCE_COOKIE, value: instance, url },
    ...(clientAddress ? [{ name: ADDRESS_COOKIE, value: clientAddress, url }] : []),
  ];
}
