import net from "node:net";

import { WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP proxy like the one Neon runs in front of PostgreSQL, so the Neon serverless driver
 * can be tested against a local PostgreSQL. Only the allow-listed targets can be reached.
 */
export async function startWsProxy(allowedTargets: string[]) {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));

  server.on("connection", (socket, request) => {
    const target = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    if (!allowedTargets.includes(target)) {
      socket.close(1008, "target not allowed");
      return;
    }
    const [host, port] = target.split(":");
    const tcp = net.connect({ host, port: Number(port) });
    socket.on("message", (data: Buffer) => tcp.write(data));
    tcp.on("data", (data) => socket.send(data));
    const closeBoth = () => {
      tcp.destroy();
      socket.close();
    };
    socket.on("close", closeBoth);
    socket.on("error", closeBoth);
    tcp.on("close", closeBoth);
    tcp.on("error", closeBoth);
  });

  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
