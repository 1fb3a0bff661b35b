import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

import { describeError } from "@/lib/log/redact";

/**
 * The app's spans, through the OpenTelemetry API only: with no SDK registered (no endpoint configured) every
 * span is a no-op that records nothing. instrumentation.ts registers the SDK when an endpoint is set.
 */
const tracer = trace.getTracer("kaveri-storefront");

export { SpanKind };

/** Marks a span failed with the error's redacted description (a handled failure, or a thrown one). */
export function failSpan(span: Span, error: unknown) {
  span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
  span.setAttribute("error.type", error instanceof Error ? error.name : "unknown");
}

/** Runs `fn` in a span named `name`; a thrown error marks it failed (with its redacted description) and is rethrown. */
export function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
