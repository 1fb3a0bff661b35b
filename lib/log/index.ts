import { AsyncLocalStorage } from "node:async_hooks";

import { isSpanContextValid, trace } from "@opentelemetry/api";
import pino, { type DestinationStream } from "pino";
import pretty from "pino-pretty";

import { env } from "@/lib/env";

import { redactValue } from "./redact";
import { currentRequestId } from "./request-id";

export { describeError, redact } from "./redact";
export { currentRequestId } from "./request-id";

/**
 * The app's one logger (pino). Production writes one JSON object per line to stdout; development and tests a
 * readable line through pino-pretty, as a synchronous stream in this process (pino's worker-thread transports
 * do not survive Next's bundling). Every line carries the request id when there is a request, the fields bound
 * with `withLogFields` (order id, cf_payment_id, job), and the trace and span ids when tracing is on; secrets
 * and personal data are redacted at any depth before a line is written (./redact).
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

const globalForLog = globalThis as unknown as {
  storefrontLogFields?: AsyncLocalStorage<LogFields>;
  storefrontLogTaps?: Set<(line: string) => void>;
};
// One store and one set of taps per process, though Next bundles this module into several chunks.
const boundFields = (globalForLog.storefrontLogFields ??= new AsyncLocalStorage<LogFields>());
const taps = (globalForLog.storefrontLogTaps ??= new Set());

function destination(): DestinationStream {
  const out: DestinationStream =
    env.log.format === "json"
      ? pino.destination({ dest: 1, sync: true })
      : pretty({
          sync: true,
          colorize: process.stdout.isTTY,
          translateTime: "SYS:HH:MM:ss.l",
          // One line per entry: the message, the error's description, then the fields. Stacks: LOG_FORMAT=json.
          messageFormat: "{msg}{if err.message}: {err.message}{end}",
          ignore: "pid,hostname,err",
          singleLine: true,
        });
  // Tests read the JSON lines whatever the format.
  return {
    write(line: string) {
      for (const tap of taps) tap(line);
      out.write(line);
    },
  };
}

function context() {
  const requestId = currentRequestId();
  const span = trace.getActiveSpan()?.spanContext();
  return {
    ...(requestId ? { requestId } : {}),
    ...boundFields.getStore(),
    ...(span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {}),
  };
}

export const log = pino(
  {
    level: env.log.level,
    mixin: context,
    // Errors are serialized (and redacted) by `formatters.log`, which pino runs before its serializers.
    serializers: { err: (value: unknown) => value },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    hooks: {
      // The message is free text too: a caller's interpolated value passes the same patterns.
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (typeof first === "string") return method.call(this, redactValue(first) as string);
        if (first instanceof Error && typeof second !== "string")
          return method.call(this, { err: first }, "unexpected error");
        if (typeof second === "string") return method.call(this, first as object, redactValue(second) as string);
        return method.apply(this, args);
      },
    },
  },
  destination(),
);

/**
 * Runs `fn` with `fields` on every line it logs, however deep (an order id once the order is known), added to
 * the fields already bound, or instead of them (`replace`: work that merely started inside another's scope).
 */
export function withLogFields<T>(fields: LogFields, fn: () => T, options: { replace?: boolean } = {}): T {
  return boundFields.run(options.replace ? fields : { ...boundFields.getStore(), ...fields }, fn);
}

/** Logs an unexpected error once, with its context, and never its personal data or secrets. */
export function logError(context: string, error: unknown, fields: LogFields = {}) {
  log.error({ ...fields, err: error }, context);
}

/** Every JSON line the logger writes, until the returned function is called (tests). */
export function tapLogLines(listener: (line: Record<string, unknown>) => void): () => void {
  const tap = (line: string) => listener(JSON.parse(line) as Record<string, unknown>);
  taps.add(tap);
  return () => void taps.delete(tap);
}
