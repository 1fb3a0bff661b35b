import { formatDateTime } from "@/lib/format";
import { CONNECT_OUTCOMES, type ConnectionView, type ConnectOutcome } from "@/lib/merchant-account/connect";

import { CashfreeConnectButton, CashfreeDisconnectButton } from "./cashfree-connect-button";

const when = (date: Date | null) => (date ? formatDateTime(date) : "—");

const STATUS_TEXT = {
  linked: "Connected",
  broken: "Broken: the access token could not be refreshed",
  unlinked: "Unlinked in Cashfree",
  disconnected: "Disconnected",
} as const;

const TOKEN_KEYS_TEXT = {
  newest: "The newest key",
  previous: "A previous key: sealed again with the newest at the next refresh; keep the previous key until then",
  none: "None of this server's keys opens them: a key configuration error (CASHFREE_TOKEN_ENCRYPTION_KEYS)",
} as const;

/** The settings section: which credential the shop uses, and the Cashfree account connected by OAuth. */
export function CashfreeConnection({ view, outcome }: { view: ConnectionView; outcome: ConnectOutcome | null }) {
  const notice = outcome ? CONNECT_OUTCOMES[outcome] : null;
  const linked = view.status === "linked";
  const keyProblem = linked && view.tokenKeys === "none";
  return (
    <section id="cashfree" aria-labelledby="cashfree-heading" className="space-y-3 border-t border-stone-200 pt-4">
      <h2 id="cashfree-heading" className="text-lg font-semibold">
        Cashfree account
      </h2>
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded-lg border p-3 text-sm ${notice.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-600">Mode</dt>
        <dd data-testid="cashfree-mode">{view.mode === "oauth" ? "Connected account (OAuth)" : "API keys"}</dd>
        <dt className="text-stone-600">Environment</dt>
        <dd>{view.environment}</dd>
        {view.status && view.status !== "disconnected" && (
          <>
            <dt className="text-stone-600">Status</dt>
            <dd data-testid="cashfree-status">{STATUS_TEXT[view.status]}</dd>
            <dt className="text-stone-600">Merchant id</dt>
            <dd data-testid="cashfree-merchant-id">{view.merchantId}</dd>
            <dt className="text-stone-600">Token expires</dt>
            <dd data-testid="cashfree-expiry">{linked ? when(view.accessExpiresAt) : "—"}</dd>
            <dt className="text-stone-600">Last refreshed</dt>
            <dd>{when(view.lastRefreshedAt)}</dd>
            {view.tokenKeys && (
              <>
                <dt className="text-stone-600">Tokens sealed with</dt>
                <dd data-testid="cashfree-token-keys">{TOKEN_KEYS_TEXT[view.tokenKeys]}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {view.reason && (!linked || keyProblem) && (
        <p role="alert" data-testid="cashfree-reason" className="text-sm text-red-800">
          {view.reason}
        </p>
      )}
      {view.oauthAvailable ? (
        <div className="flex flex-wrap items-start gap-3">
          {(!linked || keyProblem) && (
            <CashfreeConnectButton label={view.mode === "oauth" ? "Reconnect" : "Connect with Cashfree"} />
          )}
          {view.mode === "oauth" && <CashfreeDisconnectButton />}
        </div>
      ) : (
        <p className="text-sm text-stone-600">
          To connect by OAuth instead of API keys, set the partner API key, OAuth client id and token key (README).
        </p>
      )}
    </section>
  );
}
