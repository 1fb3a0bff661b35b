import { createServer as createHttpServer } from "node:http";
import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL whose link can be cut and restored on demand, so tests can take the
 * database away from a running app ("restarted mid-stream") without touching the real server.
 * Control: POST /down (drop every connection, refuse new ones), POST /up, GET / (state).
 */
export async function startOutageProxy(
  target: { host: string; port: number },
  ports: { proxy: number; control: number },
) {
  let down = false;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const control = createHttpServer((req, res) => {
    if (req.method === "POST" && (req.url === "/down" || req.url === "/up")) {
      down = req.url === "/down";
      if (down) for (const socket of sockets) socket.destroy();
    }
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ down, connections: sockets.size / 2 }));
  });
  await new Promise<void>((resolve) => proxy.listen(ports.proxy, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => control.listen(ports.control, "127.0.0.1", resolve));
  return { close: () => Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => control.close(r))]) };
}
