"use client";

import { CashfreePayButton, type CashfreeSdkProps } from "@/components/checkout/cashfree-pay-button";
import { resumePaymentAction } from "@/lib/actions/order-payment";
import type { CheckoutVariant } from "@/lib/checkout-variants";

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
