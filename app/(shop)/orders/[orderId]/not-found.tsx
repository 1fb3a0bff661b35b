import { OrderLinkNotFound } from "@/components/order/order-link-not-found";

export default OrderLinkNotFound;
