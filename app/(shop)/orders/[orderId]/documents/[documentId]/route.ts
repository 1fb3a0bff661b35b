// GET /orders/:orderId/documents/:documentId?token=… – the shopper's tax invoice or credit note, as a PDF
import { z } from "zod";

import { loadShopperDocument } from "@/lib/invoices/documents";
import { taxDocumentResponse } from "@/lib/invoices/pdf";
import { orderIdSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ orderId: orderIdSchema, documentId: z.uuid() });

export async function GET(request: Request, context: { params: Promise<{ orderId: string; documentId: string }> }) {
  const params = paramsSchema.safeParse(await context.params);
  const token = new URL(request.url).searchParams.get("token");
  const document = params.success
    ? await loadShopperDocument(params.data.orderId, params.data.documentId, token)
    : undefined;
  // The same answer for a wrong token and a missing document: a link without its token reveals nothing.
  if (!document) return new Response("No such document.", { status: 404 });
  return taxDocumentResponse(document);
}
