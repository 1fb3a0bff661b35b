import { z } from "zod";

// Local defaults let a newcomer run everything with no .env; they only ever apply to the local sandbox.
export const LOCAL_CASHFREE_APP_ID = "TEST_LOCAL_APP_ID";
const LOCAL_CASHFREE_SECRET_KEY = "cfsk_ma_test_local_sandbox_secret";
// The local sandbox's partner credentials (sandbox/defaults.ts) and a token key that only ever guards local data.
const LOCAL_PARTNER_API_KEY = "cf_partner_local_apikey";
const LOCAL_OAUTH_CLIENT_ID = "cf_oauth_local_client";
const LOCAL_TOKEN_ENCRYPTION_KEY = "6c6f63616c2d6f6e6c792d746f6b656e2d6b65792d6e6f742d666f722d70726f";
const DEV_AUTH_SECRET = "dev-only-auth-secret-change-me-0123456789";

const CASHFREE_HOSTS = {
  sandbox: "https://sandbox.cashfree.com/pg",
  production: "https://api.cashfree.com/pg",
} as const;

const PARTNER_HOSTS = {
  sandbox: "https://api-sandbox.cashfree.com",
  production: "https://api.cashfree.com",
} as const;

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const optionalHttpUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());
const intWithDefault = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by `next build` while it prerenders: the build serves nobody, so production's required secrets may be absent. */
  NEXT_PHASE: optionalString,
  APP_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  /** The port the shop's server listens on (scripts/server.mjs); without APP_URL, the local URL names it too. */
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  DATABASE_URL: optionalUrl,
  /**
   * The tables' owner, for `npm run db:migrate` only; DATABASE_URL is then a role of the app's own that does not
   * own them (docs/database-roles.md). Unset: migrations run as DATABASE_URL's role.
   */
  DATABASE_MIGRATION_URL: optionalUrl,
  DATABASE_DRIVER: z.preprocess(emptyToUndefined, z.enum(["pglite", "pg", "neon"]).optional()),
  PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  NEON_WS_PROXY: optionalString,
  CASHFREE_ENV: z.preprocess(emptyToUndefined, z.enum(["local", "sandbox", "production"]).default("local")),
  CASHFREE_APP_ID: optionalString,
  CASHFREE_SECRET_KEY: optionalString,
  CASHFREE_API_BASE_URL: optionalUrl,
  CASHFREE_SANDBOX_PORT: intWithDefault(8787),
  CASHFREE_WEBHOOK_TOLERANCE_SECONDS: intWithDefault(300),
  /** Partner OAuth ("Connect with Cashfree"): all optional; without them the shop uses API keys only. */
  CASHFREE_PARTNER_API_KEY: optionalString,
  CASHFREE_OAUTH_CLIENT_ID: optionalString,
  CASHFREE_PARTNER_BASE_URL: optionalUrl,
  /**
   * Keys for the merchant's OAuth tokens at rest (AES-256-GCM), comma-separated, newest first: the newest seals,
   * every one listed opens (docs/cashfree-connection.md). 32 bytes each, base64 or hex.
   */
  CASHFREE_TOKEN_ENCRYPTION_KEYS: optionalString,
  /** The one-key form of CASHFREE_TOKEN_ENCRYPTION_KEYS, as existing deployments set it. */
  CASHFREE_TOKEN_ENCRYPTION_KEY: optionalString,
  AUTH_SECRET: optionalString,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  CRON_SECRET: optionalString,
  /** Where order e-mails are sent through: any SMTP provider (smtp:// or smtps://). Locally, the mail catcher. */
  SMTP_URL: optionalUrl,
  MAILDEV_SMTP_PORT: intWithDefault(1025),
  MAILDEV_WEB_PORT: intWithDefault(1080),
  /** "off": no order e-mails at all (a shop that sends its own, or a benchmark's reference run). */
  ORDER_EMAILS: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("on")),
  /**
   * "on": serves the benchmarks' reference routes (a webhook route that only verifies the signature), so a
   * benchmark compares our code with the framework's own floor from the same build. Off by default: 404.
   */
  BENCH_REFERENCE_ROUTES: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("off")),
  /** "off" stops the background outbox loop (Vercel, where cron and after() run the jobs instead). */
  OUTBOX_LOOP: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).optional()),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (a load balancer, nginx): 1 on Vercel, else 0 by
   * default, the shop's own server reached directly (lib/client-address.ts, docs/deploying.md).
   */
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).optional()),
  /** Checkouts (orders opened) one client address may start in 10 minutes (lib/rate-limit/limits.ts): 20 by default. */
  CHECKOUT_LIMIT_PER_ADDRESS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(20)),
  /** Order-page status checks with Cashfree one client address may cause a minute (lib/rate-limit/limits.ts): 60. */
  ORDER_CONFIRM_LIMIT_PER_ADDRESS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100_000).default(60),
  ),
  /**
   * Redis (redis:// or rediss://): the page cache shared by several `next start` instances (lib/cache-handler.mjs)
   * and the rate limits' counters. Unset: one instance's own page cache, and counters in the database.
   */
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  /** Starts every key this shop writes to Redis, so several shops or test runs can share one server. */
  REDIS_KEY_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w:.-]{1,40}$/)
      .default("storefront:"),
  ),
  /** Days after payment before an unsettled paid order needs attention (Cashfree's standard is T+2 business days). */
  SETTLEMENT_ATTENTION_DAYS: intWithDefault(3),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  /** json: one object per line (the default in production); pretty: readable lines (the default elsewhere). */
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(["json", "pretty"]).optional()),
  /** OpenTelemetry traces go to an OTLP/HTTP endpoint only when one is set (…/v1/traces is appended to the first). */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalHttpUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalHttpUrl,
  /** Headers for the collector, `key=value,key2=value2` (an API key, for a hosted one). */
  OTEL_EXPORTER_OTLP_HEADERS: optionalString,
  OTEL_SERVICE_NAME: z.preprocess(emptyToUndefined, z.string().default("kaveri-storefront")),
});

type RawEnv = z.infer<typeof rawEnvSchema> & { APP_URL: string };

const localAppUrl = (port = 3000) => `http://localhost:${port}`;

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

function isLoopback(url: string) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

function databaseDriver(raw: RawEnv) {
  if (raw.DATABASE_DRIVER && raw.DATABASE_DRIVER !== "pglite" && !raw.DATABASE_URL) {
    throw new EnvError("DATABASE_URL", `required when DATABASE_DRIVER=${raw.DATABASE_DRIVER}`);
  }
  if (raw.DATABASE_MIGRATION_URL && !raw.DATABASE_URL) {
    throw new EnvError("DATABASE_URL", "required with DATABASE_MIGRATION_URL: the app's own role");
  }
  if (raw.DATABASE_DRIVER) return raw.DATABASE_DRIVER;
  if (!raw.DATABASE_URL) return "pglite";
  return new URL(raw.DATABASE_URL).hostname.endsWith(".neon.tech") ? "neon" : "pg";
}

function cashfreeSettings(raw: RawEnv, production: boolean) {
  const local = raw.CASHFREE_ENV === "local";
  const appId = raw.CASHFREE_APP_ID ?? (local ? LOCAL_CASHFREE_APP_ID : undefined);
  const secretKey = raw.CASHFREE_SECRET_KEY ?? (local ? LOCAL_CASHFREE_SECRET_KEY : undefined);
  if (!appId) throw new EnvError("CASHFREE_APP_ID", `required when CASHFREE_ENV=${raw.CASHFREE_ENV}`);
  if (!secretKey) throw new EnvError("CASHFREE_SECRET_KEY", `required when CASHFREE_ENV=${raw.CASHFREE_ENV}`);

  const baseUrl =
    raw.CASHFREE_API_BASE_URL ??
    (raw.CASHFREE_ENV === "local"
      ? `http://127.0.0.1:${raw.CASHFREE_SANDBOX_PORT}/pg`
      : CASHFREE_HOSTS[raw.CASHFREE_ENV]);
  const testKeys = appId.startsWith("TEST") || secretKey.includes("_test_");

  if (raw.CASHFREE_ENV === "production" && testKeys) {
    throw new EnvError("CASHFREE_SECRET_KEY", "test credentials cannot be used with CASHFREE_ENV=production");
  }
  if (raw.CASHFREE_ENV !== "production" && baseUrl === CASHFREE_HOSTS.production) {
    throw new EnvError("CASHFREE_API_BASE_URL", "the production host needs CASHFREE_ENV=production");
  }
  if (raw.CASHFREE_ENV === "production" && raw.CASHFREE_API_BASE_URL && baseUrl !== CASHFREE_HOSTS.production) {
    throw new EnvError("CASHFREE_API_BASE_URL", `production must use ${CASHFREE_HOSTS.production}`);
  }
  // The local sandbox is for laptops and CI: a deployment reachable from outside must use Cashfree.
  if (local && !isLoopback(raw.APP_URL)) {
    throw new EnvError(
      "CASHFREE_ENV",
      "local sandbox can only serve a loopback APP_URL; set sandbox or production keys",
    );
  }
  return {
    env: raw.CASHFREE_ENV,
    appId,
    secretKey,
    baseUrl,
    webhookToleranceSeconds: raw.CASHFREE_WEBHOOK_TOLERANCE_SECONDS,
    partner: partnerSettings(raw, production),
  };
}

/** 32 bytes written as 64 hex digits or as base64 (44 characters). */
function encryptionKey(variable: string, value: string) {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(value) && key.toString("base64") !== value))
    throw new EnvError(variable, "must be 32 bytes, as 64 hex digits or base64");
  return key;
}

/**
 * A key that protects nothing: the one committed for local data, or one no random generator would give (all
 * zeros, a short pattern repeated: a random 32-byte key has about 30 different byte values, never under 16).
 */
function weakKey(key: Buffer) {
  return key.equals(Buffer.from(LOCAL_TOKEN_ENCRYPTION_KEY, "hex")) || new Set(key).size < 16;
}

/**
 * The token keys, newest first: CASHFREE_TOKEN_ENCRYPTION_KEYS, or its one-key form CASHFREE_TOKEN_ENCRYPTION_KEY
 * (not both, so no deployment wonders which one counts). Locally the committed key serves when neither is set;
 * a production run must set its own, and a weak one is refused there, as AUTH_SECRET is.
 */
function tokenEncryptionKeys(raw: RawEnv, production: boolean) {
  const list = raw.CASHFREE_TOKEN_ENCRYPTION_KEYS;
  const single = raw.CASHFREE_TOKEN_ENCRYPTION_KEY;
  if (list && single)
    throw new EnvError(
      "CASHFREE_TOKEN_ENCRYPTION_KEY",
      "set CASHFREE_TOKEN_ENCRYPTION_KEYS alone (newest first); CASHFREE_TOKEN_ENCRYPTION_KEY is its one-key form",
    );
  const variable = list ? "CASHFREE_TOKEN_ENCRYPTION_KEYS" : "CASHFREE_TOKEN_ENCRYPTION_KEY";
  const given = list ? list.split(",").map((value) => value.trim()) : single ? [single] : [];
  if (given.length === 0) {
    if (raw.CASHFREE_ENV !== "local")
      throw new EnvError("CASHFREE_TOKEN_ENCRYPTION_KEYS", "required for partner OAuth (32 bytes, base64 or hex)");
    if (production)
      throw new EnvError(
        "CASHFREE_TOKEN_ENCRYPTION_KEYS",
        "required in production, the committed local key protects nothing (generate one with `openssl rand -base64 32`)",
      );
    return [Buffer.from(LOCAL_TOKEN_ENCRYPTION_KEY, "hex")];
  }
  const keys = given.map((value) => encryptionKey(variable, value));
  if (new Set(keys.map((key) => key.toString("hex"))).size !== keys.length)
    throw new EnvError(variable, "lists the same key twice");
  if (production && keys.some(weakKey))
    throw new EnvError(
      variable,
      "a weak key (the committed local key, all zeros or a repeated pattern) is refused in production (`openssl rand -base64 32`)",
    );
  return keys;
}

/**
 * Partner OAuth settings, or null when the shop runs with API keys only. Locally they default to the sandbox's;
 * elsewhere the partner key, client id and token key must all be given.
 */
function partnerSettings(raw: RawEnv, production: boolean) {
  const local = raw.CASHFREE_ENV === "local";
  const apiKey = raw.CASHFREE_PARTNER_API_KEY ?? (local ? LOCAL_PARTNER_API_KEY : undefined);
  const clientId = raw.CASHFREE_OAUTH_CLIENT_ID ?? (local ? LOCAL_OAUTH_CLIENT_ID : undefined);
  if (!apiKey && !clientId && !raw.CASHFREE_TOKEN_ENCRYPTION_KEYS && !raw.CASHFREE_TOKEN_ENCRYPTION_KEY) return null;
  if (!apiKey) throw new EnvError("CASHFREE_PARTNER_API_KEY", "required with CASHFREE_OAUTH_CLIENT_ID");
  if (!clientId) throw new EnvError("CASHFREE_OAUTH_CLIENT_ID", "required with CASHFREE_PARTNER_API_KEY");
  const baseUrl =
    raw.CASHFREE_PARTNER_BASE_URL ??
    (raw.CASHFREE_ENV === "local" ? `http://127.0.0.1:${raw.CASHFREE_SANDBOX_PORT}` : PARTNER_HOSTS[raw.CASHFREE_ENV]);
  return {
    apiKey,
    clientId,
    baseUrl: baseUrl.replace(/\/$/, ""),
    encryptionKeys: tokenEncryptionKeys(raw, production),
  };
}

/**
 * A production run: live Cashfree keys, or a production server (`next start`, Vercel) that is not the build
 * itself. It must be configured explicitly; development fallbacks (the committed AUTH_SECRET, the local admin
 * accounts) never apply to it.
 */
function isProductionRun(raw: z.infer<typeof rawEnvSchema>) {
  return (
    raw.CASHFREE_ENV === "production" || (raw.NODE_ENV === "production" && raw.NEXT_PHASE !== "phase-production-build")
  );
}

/** Where traces go: the traces endpoint as given, else the base endpoint's /v1/traces; null when neither is set. */
function tracing(raw: RawEnv) {
  const base = raw.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/$/, "");
  const url = raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base}/v1/traces` : undefined);
  if (!url) return null;
  const headers: Record<string, string> = {};
  for (const pair of raw.OTEL_EXPORTER_OTLP_HEADERS?.split(",") ?? []) {
    const at = pair.indexOf("=");
    if (at < 1) throw new EnvError("OTEL_EXPORTER_OTLP_HEADERS", "must be key=value pairs separated by commas");
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return { url, headers, serviceName: raw.OTEL_SERVICE_NAME };
}

/**
 * Vercel overwrites X-Forwarded-For with the client's address (its one entry), and runs the app without the shop's
 * server (scripts/server.mjs), which only 0 would read:
 * https://vercel.com/docs/headers/request-headers#x-forwarded-for
 */
function trustedProxyHops(raw: RawEnv, source: Record<string, string | undefined>) {
  if (!source.VERCEL) return raw.TRUSTED_PROXY_HOPS ?? 0;
  if (raw.TRUSTED_PROXY_HOPS === 0)
    throw new EnvError("TRUSTED_PROXY_HOPS", "must be 1 or more on Vercel, whose proxy writes X-Forwarded-For");
  return raw.TRUSTED_PROXY_HOPS ?? 1;
}

function authSecret(raw: RawEnv, production: boolean) {
  if (raw.AUTH_SECRET) {
    if (raw.AUTH_SECRET.length < 32) throw new EnvError("AUTH_SECRET", "must be at least 32 characters");
    return raw.AUTH_SECRET;
  }
  if (production)
    throw new EnvError("AUTH_SECRET", "required in production (generate one with `openssl rand -base64 32`)");
  return DEV_AUTH_SECRET;
}

export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? "env"), issue.message);
  }
  const production = isProductionRun(parsed.data);
  const raw: RawEnv = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? localAppUrl(parsed.data.PORT) };
  const cashfree = cashfreeSettings(raw, production);
  if (production && !parsed.data.APP_URL)
    throw new EnvError("APP_URL", "required in production: the shop's public URL");
  return {
    nodeEnv: raw.NODE_ENV,
    appUrl: raw.APP_URL.replace(/\/$/, ""),
    database: {
      driver: databaseDriver(raw),
      url: raw.DATABASE_URL,
      migrationUrl: raw.DATABASE_MIGRATION_URL,
      pgliteDir: raw.PGLITE_DIR,
      neonWsProxy: raw.NEON_WS_PROXY,
    },
    cashfree,
    authSecret: authSecret(raw, production),
    oauth: {
      github:
        raw.AUTH_GITHUB_ID && raw.AUTH_GITHUB_SECRET
          ? { clientId: raw.AUTH_GITHUB_ID, clientSecret: raw.AUTH_GITHUB_SECRET }
          : null,
      google:
        raw.AUTH_GOOGLE_ID && raw.AUTH_GOOGLE_SECRET
          ? { clientId: raw.AUTH_GOOGLE_ID, clientSecret: raw.AUTH_GOOGLE_SECRET }
          : null,
    },
    /** A deployment reachable from outside: development conveniences (seeded admin) are refused. */
    isPublicDeployment: !isLoopback(raw.APP_URL),
    /** Live keys, or a production server: the local admin accounts are never created. */
    isProduction: production,
    /** Live payments: the local admin accounts' passwords are refused even if such accounts exist. */
    livePayments: raw.CASHFREE_ENV === "production",
    trustedProxyHops: trustedProxyHops(raw, source),
    checkoutLimitPerAddress: raw.CHECKOUT_LIMIT_PER_ADDRESS,
    orderConfirmLimitPerAddress: raw.ORDER_CONFIRM_LIMIT_PER_ADDRESS,
    cronSecret: raw.CRON_SECRET,
    rateLimits: { redisUrl: raw.REDIS_URL, keyPrefix: `${raw.REDIS_KEY_PREFIX}rl:` },
    settlementAttentionDays: raw.SETTLEMENT_ATTENTION_DAYS,
    email: {
      // Unset: the local mail catcher that npm run dev starts (a deployment without it retries, then gives up).
      smtpUrl: raw.SMTP_URL ?? `smtp://127.0.0.1:${raw.MAILDEV_SMTP_PORT}`,
      orderEmails: raw.ORDER_EMAILS === "on",
      catcher: { smtpPort: raw.MAILDEV_SMTP_PORT, webPort: raw.MAILDEV_WEB_PORT },
    },
    redisUrl: raw.REDIS_URL,
    benchReferenceRoutes: raw.BENCH_REFERENCE_ROUTES === "on",
    outboxLoop: (raw.OUTBOX_LOOP ?? (source.VERCEL ? "off" : "on")) === "on",
    log: { level: raw.LOG_LEVEL, format: raw.LOG_FORMAT ?? (raw.NODE_ENV === "production" ? "json" : "pretty") },
    tracing: tracing(raw),
  } as const;
}

export type Env = ReturnType<typeof parseEnv>;

/** Validates the process environment, or prints one line naming the variable and exits. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
}
