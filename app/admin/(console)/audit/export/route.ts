// GET /admin/audit/export – the filtered audit log as CSV, streamed in keyset batches (owner only)
import { csvRow } from "@/lib/admin/csv";
import { adminRoute } from "@/lib/actions/client";
import { exportAuditLog, parseAuditFilters } from "@/lib/audit/read";

export const dynamic = "force-dynamic";

const HEADER = [
  "occurred_at",
  "actor_email",
  "actor_admin_id",
  "action",
  "outcome",
  "target_type",
  "target_id",
  "ip_address",
  "user_agent",
  "request_id",
  "before",
  "after",
  "detail",
];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const GET = adminRoute("owner", "audit.export", async (request, _, audit) => {
  const {
    older: _older,
    newer: _newer,
    ...filters
  } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  audit.note({ detail: { filters } });
  const encoder = new TextEncoder();
  const batches = exportAuditLog(filters);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    // Pull-based: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      const { value, done } = await batches.next();
      if (done) return controller.close();
      const text = value
        .map((e) =>
          // csvRow neutralises cells a spreadsheet would run as formulas (an e-mail typed as "=HYPERLINK(…)").
          csvRow([
            e.occurredAt,
            e.actorEmail,
            e.actorAdminId,
            e.action,
            e.outcome,
            e.targetType,
            e.targetId,
            e.ipAddress,
            e.userAgent,
            e.requestId,
            json(e.before),
            json(e.after),
            json(e.detail),
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
