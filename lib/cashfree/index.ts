import "server-only";

import { withMerchantConfig } from "./client";
import * as disputes from "./disputes";
import * as links from "./links";
import * as orders from "./orders";
import * as partner from "./partner";
import { probeCashfree } from "./probe";
import * as refunds from "./refunds";
import * as settlements from "./settlements";

export { CashfreeApiError, isCashfreeError } from "./errors";

const pg = withMerchantConfig;

/**
 * The app's Cashfree client, configured from the environment and the merchant's connection (OAuth bearer token
 * when linked, else API keys). The only way the app talks to Cashfree.
 */
export const cashfree = {
  createOrder: (input: orders.CreateCashfreeOrderInput) => pg((c) => orders.createCashfreeOrder(c, input)),
  getOrder: (orderId: string) => pg((c) => orders.getCashfreeOrder(c, orderId)),
  getPayments: (orderId: string) => pg((c) => orders.getCashfreePayments(c, orderId)),
  terminateOrder: (orderId: string) => pg((c) => orders.terminateCashfreeOrder(c, orderId)),
  updateShipment: (update: orders.ShipmentUpdate) => pg((c) => orders.updateCashfreeOrderShipment(c, update)),
  probe: () => pg((c) => probeCashfree(c)).catch(() => ({ ok: false, detail: "error" }) as const),
  createRefund: (input: refunds.CreateRefundInput) => pg((c) => refunds.createCashfreeRefund(c, input)),
  getRefund: (orderId: string, refundId: string) => pg((c) => refunds.getCashfreeRefund(c, orderId, refundId)),
  createLink: (input: links.CreateLinkInput) => pg((c) => links.createCashfreeLink(c, input)),
  getLink: (linkId: string) => pg((c) => links.getCashfreeLink(c, linkId)),
  cancelLink: (linkId: string) => pg((c) => links.cancelCashfreeLink(c, linkId)),
  getLinkOrders: (linkId: string) => pg((c) => links.getCashfreeLinkOrders(c, linkId)),
  /** Partner OAuth (the shop as Cashfree partner): connect, refresh and revoke the merchant's account. */
  partner: {
    createAuthLink: (config: partner.PartnerConfig, state: string) => partner.createAuthLink(config, state),
    exchangeCode: (config: partner.PartnerConfig, code: string) => partner.exchangeCode(config, code),
    revoke: (config: partner.PartnerConfig, merchantId: string) => partner.revokeMerchant(config, merchantId),
    merchantStatus: (config: partner.PartnerConfig, merchantId: string) =>
      partner.getMerchantStatus(config, merchantId),
  },
  getSettlements: (filters: settlements.SettlementFilters) =>
    pg((c) => settlements.fetchCashfreeSettlements(c, filters)),
  getSettlementRecon: (filters: settlements.SettlementFilters) =>
    pg((c) => settlements.fetchCashfreeSettlementRecon(c, filters)),
  getOrderSettlement: (orderId: string) => pg((c) => settlements.getCashfreeOrderSettlement(c, orderId)),
  getDispute: (disputeId: string) => pg((c) => disputes.getCashfreeDispute(c, disputeId)),
  getOrderDisputes: (orderId: string) => pg((c) => disputes.getCashfreeOrderDisputes(c, orderId)),
  acceptDispute: (disputeId: string) => pg((c) => disputes.acceptCashfreeDispute(c, disputeId)),
  uploadDisputeDocument: (upload: disputes.EvidenceUpload) =>
    pg((c) => disputes.uploadCashfreeDisputeDocument(c, upload)),
};
