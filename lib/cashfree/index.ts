import "server-only";

import { defaultCashfreeConfig } from "./client";
import * as disputes from "./disputes";
import * as links from "./links";
import * as orders from "./orders";
import { probeCashfree } from "./probe";
import * as refunds from "./refunds";

export { CashfreeApiError, isCashfreeError } from "./errors";

/** The app's Cashfree client, configured from the environment. The only way the app talks to Cashfree. */
export const cashfree = {
  createOrder: (input: orders.CreateCashfreeOrderInput) => orders.createCashfreeOrder(defaultCashfreeConfig(), input),
  getOrder: (orderId: string) => orders.getCashfreeOrder(defaultCashfreeConfig(), orderId),
  getPayments: (orderId: string) => orders.getCashfreePayments(defaultCashfreeConfig(), orderId),
  terminateOrder: (orderId: string) => orders.terminateCashfreeOrder(defaultCashfreeConfig(), orderId),
  updateShipment: (update: orders.ShipmentUpdate) =>
    orders.updateCashfreeOrderShipment(defaultCashfreeConfig(), update),
  probe: () => probeCashfree(defaultCashfreeConfig()),
  createRefund: (input: refunds.CreateRefundInput) => refunds.createCashfreeRefund(defaultCashfreeConfig(), input),
  getRefund: (orderId: string, refundId: string) =>
    refunds.getCashfreeRefund(defaultCashfreeConfig(), orderId, refundId),
  createLink: (input: links.CreateLinkInput) => links.createCashfreeLink(defaultCashfreeConfig(), input),
  getLink: (linkId: string) => links.getCashfreeLink(defaultCashfreeConfig(), linkId),
  cancelLink: (linkId: string) => links.cancelCashfreeLink(defaultCashfreeConfig(), linkId),
  getLinkOrders: (linkId: string) => links.getCashfreeLinkOrders(defaultCashfreeConfig(), linkId),
  getDispute: (disputeId: string) => disputes.getCashfreeDispute(defaultCashfreeConfig(), disputeId),
  getOrderDisputes: (orderId: string) => disputes.getCashfreeOrderDisputes(defaultCashfreeConfig(), orderId),
  acceptDispute: (disputeId: string) => disputes.acceptCashfreeDispute(defaultCashfreeConfig(), disputeId),
  uploadDisputeDocument: (upload: disputes.EvidenceUpload) =>
    disputes.uploadCashfreeDisputeDocument(defaultCashfreeConfig(), upload),
};
