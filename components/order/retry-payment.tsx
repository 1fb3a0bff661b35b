"use client";

import { resumePaymentAction } from "@/app/orders/[orderId]/actions";
import { CashfreePayButton, type CashfreeSdkProps } from "@/components/checkout/cashfree-pay-button";
import type { CheckoutVariant } from "@/lib/cashfree/browser";

export function RetryPayment(props: {
  orderId: string;
  token: string;
  sdk: CashfreeSdkProps;
  variant: CheckoutVariant;
  label: string;
}) {
  return (
    <CashfreePayButton
      sdk={props.sdk}
      variant={props.variant}
      label={props.label}
      getSession={() => resumePaymentAction({ orderId: props.orderId, token: props.token })}
    />
  );
}
