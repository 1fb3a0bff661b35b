// Where `npm run dev` listens: the shop's port from PORT or APP_URL, and a check, before anything starts, that the
// shop's, the local sandbox's and the mail catcher's ports are free, with a hint naming a free one if not.
import net from "node:net";

const DEFAULT_PORT = 3000;

function isLoopback(url: URL) {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/**
 * The shop's port and URL for this run, and a sentence saying where they came from. PORT picks the port. APP_URL is
 * the address in links, sign-in (next-auth) and Cashfree's return and webhook URLs: unset, it follows PORT; set to
 * this machine (localhost) with another port, PORT wins and APP_URL follows it, since a link to a port nobody
 * listens on would fail; set to a public address (a tunnel or proxy), it stays, and the shop listens on PORT behind it.
 */
export function shopAddress(env: { PORT?: string; APP_URL?: string }) {
  const port = env.PORT ? Number(env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`PORT: "${env.PORT}" is not a port number`);
  const appUrl = env.APP_URL ? new URL(env.APP_URL) : undefined;

  if (!appUrl) {
    const listen = port ?? DEFAULT_PORT;
    const source = port
      ? `PORT=${port}; APP_URL is unset, so it follows PORT`
      : `the default port; PORT=${DEFAULT_PORT + 1} npm run dev picks another`;
    return {
      port: listen,
      appUrl: `http://localhost:${listen}`,
      notice: `Shop: http://localhost:${listen} (${source})`,
    };
  }
  const urlPort = Number(appUrl.port) || undefined;
  const shown = env.APP_URL!.replace(/\/$/, "");
  if (port === undefined) {
    const listen = urlPort ?? DEFAULT_PORT;
    return { port: listen, appUrl: shown, notice: `Shop: ${shown} (from APP_URL; listening on port ${listen})` };
  }
  if (!isLoopback(appUrl)) {
    return {
      port,
      appUrl: shown,
      notice:
        `Shop listening on port ${port} (PORT); links, sign-in and Cashfree's return URLs use APP_URL=${shown}, ` +
        `so whatever serves that address must forward to this port`,
    };
  }
  if (urlPort === port) return { port, appUrl: shown, notice: `Shop: ${shown} (PORT and APP_URL agree)` };
  appUrl.port = String(port);
  const followed = appUrl.href.replace(/\/$/, "");
  return {
    port,
    appUrl: followed,
    notice:
      `PORT=${port} and APP_URL=${shown} disagree: PORT wins, so the shop listens on ${port} and uses ` +
      `APP_URL=${followed} for this run (sign-in and Cashfree's return and webhook URLs must reach the port it ` +
      `listens on). Shop: ${followed}`,
  };
}

/** A port a dev service needs, and the variable that moves it. */
export interface DevPort {
  port: number;
  /** Where the service binds: undefined is every address, as the shop's server does. */
  host?: string;
  service: string;
  variable: string;
}

function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first port after `port` that is free and not wanted by another service of this run. */
async function nextFreePort(port: number, host: string | undefined, taken: Set<number>) {
  for (let candidate = port + 1; candidate < Math.min(port + 50, 65536); candidate++)
    if (!taken.has(candidate) && (await canListen(candidate, host))) return candidate;
  return undefined;
}

/** One sentence per port already in use: which service, which port, and how to pick another. */
export async function busyPortHints(ports: DevPort[]): Promise<string[]> {
  const taken = new Set(ports.map((p) => p.port));
  const hints: string[] = [];
  for (const { port, host, service, variable } of ports) {
    if (await canListen(port, host)) continue;
    const free = await nextFreePort(port, host, taken);
    const instead = free ? `${variable}=${free} npm run dev` : `${variable}=<another port> npm run dev`;
    hints.push(
      `Port ${port} is already in use, so ${service} cannot listen there (another npm run dev? \`lsof -i :${port}\` ` +
        `shows what holds it). Stop it, or pick another port: ${instead}`,
    );
  }
  return hints;
}
