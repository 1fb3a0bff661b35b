// GET /admin/audit/export – the filtered audit log as CSV, streamed in keyset batches (owner only)
import { csvDownload } from "@/lib/admin/csv";
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
  // csvRow neutralises cells a spreadsheet would run as formulas (an e-mail typed as "=HYPERLINK(…)").
  return csvDownload("audit-log", HEADER, exportAuditLog(filters), (e) => [
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
  ]);
});
