import type { Attributes } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-node";

import { redact, redactValue } from "@/lib/log/redact";

export interface TracingSettings {
  /** The collector's OTLP/HTTP traces URL (…/v1/traces). */
  url: string;
  headers: Record<string, string>;
  serviceName: string;
}

// A query string can carry an order's access token (the order page's link): its values never leave.
const withoutQueryValues = (value: string) => value.replace(/([?&][^=&#]*=)[^&#]*/g, "$1[redacted]");

function scrub(attributes: Attributes): Attributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      redactValue(typeof value === "string" && /url|target|query/i.test(key) ? withoutQueryValues(value) : value, key),
    ]),
  ) as Attributes;
}

/**
 * What leaves the process is redacted like a log line: our spans carry no secrets by construction, but Next.js's
 * own spans record URLs and thrown errors' messages (a database error's message lists its query's parameters).
 */
function redacted(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    name: { value: redact(withoutQueryValues(span.name)) },
    attributes: { value: scrub(span.attributes) },
    events: {
      value: span.events.map((event) => ({ ...event, attributes: event.attributes && scrub(event.attributes) })),
    },
    status: { value: { ...span.status, ...(span.status.message ? { message: redact(span.status.message) } : {}) } },
  }) as ReadableSpan;
}

class RedactingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]) {
    this.inner.export(spans.map(redacted), done);
  }
  shutdown() {
    return this.inner.shutdown();
  }
  forceFlush() {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/**
 * Registers the OpenTelemetry SDK for this process: spans (ours, and Next.js's for each request) are batched
 * and sent to the collector over OTLP/HTTP (JSON). Called by instrumentation.ts only when an endpoint is set.
 */
export function startTracing(settings: TracingSettings) {
  const exporter = new OTLPTraceExporter({ url: settings.url, headers: settings.headers });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new RedactingExporter(exporter))],
  });
  provider.register();
  return provider;
}
