export * from "./admin";
export * from "./catalog";
export * from "./orders";
export * from "./payments";
export * from "./outbox";
export * from "./invoices";
export * from "./media";
export * from "./merchant-account";
