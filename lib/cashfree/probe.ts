import type { CashfreeConfig } from "./config";
import { CashfreeApiError, CashfreeNetworkError } from "./errors";
import { getCashfreeOrder } from "./orders";

export type CashfreeProbe =
  { ok: true; detail: "credentials accepted" } | { ok: false; detail: "invalid credentials" | "unreachable" | "error" };

/**
 * Tells bad keys from an unreachable host: looks up an order that cannot exist. Cashfree answers 404 when the
 * keys are good and 401 when they are not; no answer at all means the host is unreachable.
 */
export async function probeCashfree(config: CashfreeConfig): Promise<CashfreeProbe> {
  try {
    await getCashfreeOrder({ ...config, maxRetries: 0, timeoutMs: 5_000 }, `health_probe_${Date.now()}`);
    return { ok: true, detail: "credentials accepted" };
  } catch (error) {
    if (error instanceof CashfreeApiError && (error.status === 404 || error.status === 400))
      return { ok: true, detail: "credentials accepted" };
    if (error instanceof CashfreeApiError && error.isAuthentication)
      return { ok: false, detail: "invalid credentials" };
    if (error instanceof CashfreeNetworkError) return { ok: false, detail: "unreachable" };
    return { ok: false, detail: "error" };
  }
}
