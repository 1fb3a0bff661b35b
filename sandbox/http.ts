import type { IncomingMessage, ServerResponse } from "node:http";

export interface Reply {
  status: number;
  body?: unknown;
  /** Raw body (HTML, JavaScript); `body` is sent as JSON otherwise. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: string;
  /** The body's bytes, for multipart uploads (dispute evidence). */
  rawBytes: Buffer;
  json: () => Record<string, unknown>;
  form: () => URLSearchParams;
}

type Handler = (request: Request, params: string[]) => Reply | Promise<Reply>;

/** A small method + pattern router: enough for the sandbox, no framework. */
export class Router {
  private routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  on(method: string, path: string, handler: Handler) {
    const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, "([^/]+)")}$`);
    this.routes.push({ method, pattern, handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: string[] } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (found) return { handler: route.handler, params: found.slice(1).map(decodeURIComponent) };
    }
    return null;
  }
}

const MAX_BODY = 1024 * 1024;
// Cashfree takes evidence files up to 20 MB (PGUploadDisputesDocuments_request).
const MAX_MULTIPART_BODY = 21 * 1024 * 1024;

export async function readRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = String(req.headers["content-type"] ?? "").startsWith("multipart/") ? MAX_MULTIPART_BODY : MAX_BODY;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const rawBytes = Buffer.concat(chunks);
  const rawBody = rawBytes.toString("utf8");
  const url = new URL(req.url ?? "/", "http://sandbox");
  return {
    method: req.method ?? "GET",
    path: url.pathname.replace(/\/$/, "") || "/",
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    rawBytes,
    json: () => {
      const parsed = rawBody ? JSON.parse(rawBody) : {};
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw new SyntaxError("body must be a JSON object");
      return parsed as Record<string, unknown>;
    },
    form: () => new URLSearchParams(rawBody),
  };
}

export function send(res: ServerResponse, reply: Reply) {
  const body = reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json", ...reply.headers });
  res.end(body);
}

export const html = (text: string, status = 200): Reply => ({ status, text, contentType: "text/html; charset=utf-8" });
export const redirect = (location: string): Reply => ({ status: 302, text: "", headers: { location } });
export const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
