// `npm run reconcile`: one reconciliation pass against Cashfree, printed as a report.
import { closeDb } from "../db/index";
import { reconcileOpenOrders } from "../lib/orders/reconcile";

const report = await reconcileOpenOrders();
console.log(`checked ${report.checked} open orders, changed ${report.changed.length}, errors ${report.errors.length}`);
for (const change of report.changed) console.log(`  ${change.orderId}: ${change.from} → ${change.to}`);
for (const failure of report.errors) console.log(`  ${failure.orderId}: ${failure.error}`);
await closeDb();
process.exit(report.errors.length > 0 ? 1 : 0);
