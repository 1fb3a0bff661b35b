// Types for server.mjs (plain JavaScript, run without a TypeScript loader), for its tests.
import type http from "node:http";

export declare const CONNECTION_ADDRESS_HEADER: string;
export declare const SERVER_ENTRY_MARK: symbol;
export declare function writeConnectionAddress(request: http.IncomingMessage): void;
export declare function createShopServer(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => unknown,
): http.Server;
