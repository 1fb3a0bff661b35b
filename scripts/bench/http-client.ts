import { Agent, request } from "node:http";

/**
 * The benchmarks' HTTP client: node:http over keep-alive connections, one per concurrent sender. On a 2-core
 * machine the client shares the CPU with the server it measures; fetch (undici) costs it several times more per
 * request than this, which would tax every row (the reference's too) for the client's sake.
 */
export function httpClient(origin: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(origin);
  return {
    /** Sends one request; resolves with the status and the body as text. */
    send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            method,
            path,
            headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
