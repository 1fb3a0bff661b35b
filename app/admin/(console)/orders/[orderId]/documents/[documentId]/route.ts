// GET /admin/orders/:orderId/documents/:documentId – an order's tax invoice or credit note, for staff
import { z } from "zod";

import { adminRoute } from "@/lib/actions/client";
import { loadOrderDocument } from "@/lib/invoices/documents";
import { taxDocumentResponse } from "@/lib/invoices/pdf";
import { orderIdSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ orderId: orderIdSchema, documentId: z.uuid() });

export const GET = adminRoute("staff", "order.document_download", async (request, _, audit) => {
  const [, , , orderId, , documentId] = new URL(request.url).pathname.split("/").map(decodeURIComponent);
  const params = paramsSchema.safeParse({ orderId, documentId });
  if (params.success) audit.note({ target: { type: "order", id: params.data.orderId }, detail: { documentId } });
  const document = params.success ? await loadOrderDocument(params.data.orderId, params.data.documentId) : undefined;
  if (!document) return new Response("No such document.", { status: 404 });
  return taxDocumentResponse(document);
});
