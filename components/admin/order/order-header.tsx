import { ActionButton } from "@/components/admin/action-button";
import { StatusBadge } from "@/components/admin/status-badge";
import {
  cancelOrderAction,
  markDeliveredAction,
  resyncOrderAction,
  terminateOrderAction,
} from "@/lib/actions/admin/orders";
import { sendOrderPaymentLinkAction } from "@/lib/actions/admin/payment-links";
import { formatDateTimeWithSeconds, statusLabel } from "@/lib/format";
import { formatInr } from "@/lib/money";
import { canCancelPaidOrder, canSendPaymentLink, canTerminate, refundablePaise } from "@/lib/orders/transitions";
import { refundDestination } from "@/lib/refund-rules";

import type { AdminOrderDetail, NextStep } from "./detail";

/** Cancelling refunds what is left of the order, to what it was paid with (lib/admin/order-operations.ts). */
function cancelConfirmation(order: AdminOrderDetail["order"]) {
  const refund = refundablePaise(order);
  const refunding =
    refund > 0 ? ` ${formatInr(refund)} goes back to ${refundDestination(order.paidPaymentGroup)}.` : "";
  return {
    question: `Cancel order ${order.id}?`,
    consequence: `It won't ship and its stock goes back on sale.${refunding} This can't be undone.`,
    confirmLabel: refund > 0 ? `Cancel and refund ${formatInr(refund)}` : "Cancel order",
  };
}

/** The order's id and state, what needs attention, and the buttons for what can be done to it now. */
export function OrderHeader({ order, nextStep }: { order: AdminOrderDetail["order"]; nextStep: NextStep }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="font-mono text-2xl font-semibold">{order.id}</h1>
        <p className="mt-1 flex items-center gap-2 text-sm text-stone-600">
          <StatusBadge status={order.status} /> {statusLabel(order.fulfillmentStatus)} · placed{" "}
          {formatDateTimeWithSeconds(order.createdAt)}
        </p>
        {order.attentionReason && (
          <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
            Needs attention: {statusLabel(order.attentionReason)}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <ActionButton label="Re-sync with Cashfree" run={resyncOrderAction.bind(null, { orderId: order.id })} />
        {canSendPaymentLink(order.status) && (
          <ActionButton label="Send payment link" run={sendOrderPaymentLinkAction.bind(null, { orderId: order.id })} />
        )}
        {canTerminate(order.status) && (
          <ActionButton
            label="Terminate order"
            confirm={{
              question: `Terminate order ${order.id}?`,
              consequence: "The customer can no longer pay for it at Cashfree, and its stock goes back on sale.",
              confirmLabel: "Terminate order",
            }}
            run={terminateOrderAction.bind(null, { orderId: order.id })}
          />
        )}
        {canCancelPaidOrder({ status: order.status, fulfilment: order.fulfillmentStatus }) && (
          <ActionButton
            label="Cancel order"
            confirm={cancelConfirmation(order)}
            run={cancelOrderAction.bind(null, { orderId: order.id })}
          />
        )}
        {nextStep === "delivered" && (
          <ActionButton label="Mark delivered" run={markDeliveredAction.bind(null, { orderId: order.id })} />
        )}
      </div>
    </div>
  );
}
