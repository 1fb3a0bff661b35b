import { z } from "zod";

/**
 * Violation reports as browsers send them: `application/csp-report` (one report, kebab-case, from the policy's
 * `report-uri`) or the Reporting API's `application/reports+json` (a batch, camelCase, should the policy add
 * `report-to`). Both are read into one shape; unknown fields are dropped and every string is bounded.
 */
const text = z.string().max(2048).optional();
const position = z.number().int().nonnegative().optional();

const legacyReportSchema = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "blocked-uri": text,
    disposition: text,
    "source-file": text,
    "line-number": position,
    "column-number": position,
  }),
});

const reportingApiSchema = z
  .array(
    z.object({
      type: z.string().max(64),
      body: z.object({
        documentURL: text,
        effectiveDirective: text,
        blockedURL: text,
        disposition: text,
        sourceFile: text,
        lineNumber: position,
        columnNumber: position,
      }),
    }),
  )
  .max(50);

export interface Violation {
  document?: string;
  directive?: string;
  blocked?: string;
  disposition?: string;
  source?: string;
  line?: number;
  column?: number;
}

/** Query strings and fragments go: an order page's address carries its access token. */
function withoutQuery(url: string | undefined) {
  if (!url) return url;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** The violations in a report body, or null when it is not a violation report. */
export function parseViolationReport(json: unknown): Violation[] | null {
  const legacy = legacyReportSchema.safeParse(json);
  if (legacy.success) {
    const report = legacy.data["csp-report"];
    return [
      {
        document: withoutQuery(report["document-uri"]),
        directive: report["effective-directive"] ?? report["violated-directive"],
        blocked: withoutQuery(report["blocked-uri"]),
        disposition: report.disposition,
        source: withoutQuery(report["source-file"]),
        line: report["line-number"],
        column: report["column-number"],
      },
    ];
  }
  const batch = reportingApiSchema.safeParse(json);
  if (!batch.success) return null;
  return batch.data
    .filter((report) => report.type === "csp-violation")
    .map(({ body }) => ({
      document: withoutQuery(body.documentURL),
      directive: body.effectiveDirective,
      blocked: withoutQuery(body.blockedURL),
      disposition: body.disposition,
      source: withoutQuery(body.sourceFile),
      line: body.lineNumber,
      column: body.columnNumber,
    }));
}
