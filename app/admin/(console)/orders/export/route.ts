// GET /admin/orders/export – the filtered order list as CSV, streamed in batches (works for 100,000+ orders)
import { csvDownload } from "@/lib/admin/csv";
import { parseOrderFilters } from "@/lib/admin/order-filters";
import { exportAdminOrders } from "@/lib/admin/orders";
import { adminRoute } from "@/lib/actions/client";
import { paiseToRupeeString } from "@/lib/money";

export const dynamic = "force-dynamic";

const HEADER = [
  "order_id",
  "created_at",
  "status",
  "payment_method",
  "customer_name",
  "customer_email",
  "customer_phone",
  "total_inr",
  "refunded_inr",
  "attention",
];

export const GET = adminRoute("staff", "order.export", async (request, _, audit) => {
  const filters = parseOrderFilters(Object.fromEntries(new URL(request.url).searchParams));
  // Customers' names, e-mails and phones leave the shop in this file: who took them, and which, is kept.
  const { after: _after, before: _before, ...exported } = filters;
  audit.note({ detail: { filters: exported } });
  return csvDownload("orders", HEADER, exportAdminOrders(filters), (o) => [
    o.id,
    o.createdAt,
    o.status,
    o.paymentGroup,
    o.customerName,
    o.customerEmail,
    o.customerPhone,
    paiseToRupeeString(o.totalPaise),
    paiseToRupeeString(o.refundedPaise),
    o.attentionReason,
  ]);
});
