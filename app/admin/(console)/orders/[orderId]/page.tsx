import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OrderHeader } from "@/components/admin/order/order-header";
import { OrderHistory } from "@/components/admin/order/order-history";
import { OrderOverview } from "@/components/admin/order/order-overview";
import { OrderPayments } from "@/components/admin/order/order-payments";
import { getAdminOrder } from "@/lib/admin/orders";
import { requireAdminPage } from "@/lib/auth/session";
import { nextFulfilmentStep } from "@/lib/orders/transitions";

export const metadata: Metadata = { title: "Order · Admin" };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  await requireAdminPage();
  const detail = await getAdminOrder((await params).orderId);
  if (!detail) notFound();
  const { order } = detail;
  const nextStep = nextFulfilmentStep({ status: order.status, fulfilment: order.fulfillmentStatus });

  return (
    <div className="space-y-4">
      <OrderHeader order={order} nextStep={nextStep} />
      <OrderOverview detail={detail} />
      <OrderPayments detail={detail} />
      <OrderHistory detail={detail} nextStep={nextStep} />
    </div>
  );
}
