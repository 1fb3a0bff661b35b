import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { EnvError, LOCAL_CASHFREE_APP_ID, parseEnv } from "./env-schema";

describe("parseEnv", () => {
  it("runs locally with no variables at all", () => {
    const env = parseEnv({});
    expect(env.database.driver).toBe("pglite");
    expect(env.cashfree).toMatchObject({
      env: "local",
      appId: LOCAL_CASHFREE_APP_ID,
      baseUrl: "http://127.0.0.1:8787/pg",
    });
    expect(env.appUrl).toBe("http://localhost:3000");
  });

  it("names PORT in the local URL when APP_URL is unset, and leaves a set APP_URL alone", () => {
    expect(parseEnv({ PORT: "4000" }).appUrl).toBe("http://localhost:4000");
    expect(parseEnv({ PORT: "4000", APP_URL: "http://localhost:3000" }).appUrl).toBe("http://localhost:3000");
    expect(() => parseEnv({ PORT: "port" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("keeps the rate limits in the database unless REDIS_URL is set", () => {
    expect(parseEnv({}).rateLimits).toEqual({ redisUrl: undefined, keyPrefix: "storefront:rl:" });
    expect(parseEnv({ REDIS_URL: "" }).rateLimits.redisUrl).toBeUndefined();
    expect(
      parseEnv({ REDIS_URL: "rediss://:secret@cache.example.in:6380/2", REDIS_KEY_PREFIX: "shop-2:" }).rateLimits,
    ).toEqual({ redisUrl: "rediss://:secret@cache.example.in:6380/2", keyPrefix: "shop-2:rl:" });
  });

  // Review defect 26.5: the default was 1, so the shop reached directly read the X-Forwarded-For its clients wrote.
  it("reads client addresses from the connection by default, from Vercel's header on Vercel, else as configured", () => {
    expect(parseEnv({}).trustedProxyHops).toBe(0);
    expect(parseEnv({ VERCEL: "1" }).trustedProxyHops).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).trustedProxyHops).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2", VERCEL: "1" }).trustedProxyHops).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "0", VERCEL: "1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("picks the driver from DATABASE_URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db" }).database.driver).toBe("pg");
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@ep-cool-1.ap-southeast-1.aws.neon.tech/db" }).database.driver).toBe(
      "neon",
    );
    expect(parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1/db", DATABASE_DRIVER: "neon" }).database.driver).toBe(
      "neon",
    );
  });

  it.each([
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ DATABASE_DRIVER: "pg" }, "DATABASE_URL"],
    [{ CASHFREE_ENV: "sandbox" }, "CASHFREE_APP_ID"],
    [{ CASHFREE_ENV: "staging" }, "CASHFREE_ENV"],
    [
      {
        CASHFREE_ENV: "production",
        CASHFREE_APP_ID: "TEST123",
        CASHFREE_SECRET_KEY: "cfsk_ma_test_x",
        AUTH_SECRET: "x".repeat(32),
      },
      "CASHFREE_SECRET_KEY",
    ],
    [
      {
        CASHFREE_ENV: "sandbox",
        CASHFREE_APP_ID: "TEST1",
        CASHFREE_SECRET_KEY: "s",
        CASHFREE_API_BASE_URL: "https://api.cashfree.com/pg",
      },
      "CASHFREE_API_BASE_URL",
    ],
    [{ APP_URL: "https://shop.example.in" }, "CASHFREE_ENV"],
    [
      {
        NODE_ENV: "production",
        APP_URL: "https://shop.example.in",
        CASHFREE_ENV: "production",
        CASHFREE_APP_ID: "12345",
        CASHFREE_SECRET_KEY: "cfsk_ma_prod_x",
      },
      "AUTH_SECRET",
    ],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ REDIS_URL: "http://127.0.0.1:6379" }, "REDIS_URL"],
    [{ REDIS_KEY_PREFIX: "a prefix with spaces" }, "REDIS_KEY_PREFIX"],
  ])("names the variable that is wrong: %j", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as EnvError).variable).toBe(variable);
    }
  });

  // Defect 6 of the review: NODE_ENV=production with live keys and no APP_URL fell back to localhost, the
  // committed development secret and the local admin accounts.
  it("refuses a production run without an explicit AUTH_SECRET and APP_URL", () => {
    const live = { CASHFREE_ENV: "production", CASHFREE_APP_ID: "12345", CASHFREE_SECRET_KEY: "cfsk_ma_prod_x" };
    expect(() => parseEnv({ NODE_ENV: "production", ...live })).toThrow(/APP_URL/);
    expect(() => parseEnv({ ...live, APP_URL: "https://shop.example.in" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...live, AUTH_SECRET: "x".repeat(32) })).toThrow(/APP_URL/);
    // `next start` on a laptop with the local sandbox is a production server too (and needs its own token key).
    const laptop = { NODE_ENV: "production", CASHFREE_TOKEN_ENCRYPTION_KEYS: randomBytes(32).toString("base64") };
    expect(() => parseEnv(laptop)).toThrow(/APP_URL/);
    expect(() => parseEnv({ ...laptop, APP_URL: "http://localhost:3000" })).toThrow(/AUTH_SECRET/);
  });

  it("marks production runs so the local admin accounts are never created, and lets `next build` prerender", () => {
    expect(parseEnv({}).isProduction).toBe(false);
    const server = parseEnv({
      NODE_ENV: "production",
      APP_URL: "http://localhost:3000",
      AUTH_SECRET: "y".repeat(32),
      CASHFREE_TOKEN_ENCRYPTION_KEYS: randomBytes(32).toString("hex"),
    });
    expect(server).toMatchObject({ isProduction: true, livePayments: false, isPublicDeployment: false });
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).authSecret).toBeTruthy();
  });

  it("accepts a production configuration", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      APP_URL: "https://shop.example.in",
      CASHFREE_ENV: "production",
      CASHFREE_APP_ID: "12345abc",
      CASHFREE_SECRET_KEY: "cfsk_ma_prod_abc",
      AUTH_SECRET: "x".repeat(32),
      DATABASE_URL: "postgres://u:p@ep-x.neon.tech/db?sslmode=require",
    });
    expect(env.cashfree.baseUrl).toBe("https://api.cashfree.com/pg");
    expect(env.database.driver).toBe("neon");
  });

  it("partner OAuth: local defaults match the sandbox; elsewhere optional, but all or nothing", () => {
    const local = parseEnv({}).cashfree.partner!;
    expect(local).toMatchObject({
      apiKey: "cf_partner_local_apikey",
      clientId: "cf_oauth_local_client",
      baseUrl: "http://127.0.0.1:8787",
    });
    expect(local.encryptionKeys).toHaveLength(1);
    expect(local.encryptionKeys[0]).toHaveLength(32);
    const sandbox = { CASHFREE_ENV: "sandbox", CASHFREE_APP_ID: "TEST1", CASHFREE_SECRET_KEY: "cfsk_ma_test_x" };
    expect(parseEnv(sandbox).cashfree.partner).toBeNull();
    const key = Buffer.alloc(32, 7);
    const oauth = parseEnv({
      ...sandbox,
      CASHFREE_PARTNER_API_KEY: "pk",
      CASHFREE_OAUTH_CLIENT_ID: "cid",
      CASHFREE_TOKEN_ENCRYPTION_KEY: key.toString("base64"),
    }).cashfree.partner!;
    expect(oauth.baseUrl).toBe("https://api-sandbox.cashfree.com");
    expect(oauth.encryptionKeys).toEqual([key]);
    expect(
      parseEnv({
        ...sandbox,
        CASHFREE_PARTNER_API_KEY: "pk",
        CASHFREE_OAUTH_CLIENT_ID: "cid",
        CASHFREE_TOKEN_ENCRYPTION_KEY: key.toString("hex"),
      }).cashfree.partner!.encryptionKeys[0]!.equals(key),
    ).toBe(true);
    expect(() => parseEnv({ ...sandbox, CASHFREE_PARTNER_API_KEY: "pk", CASHFREE_OAUTH_CLIENT_ID: "cid" })).toThrow(
      /CASHFREE_TOKEN_ENCRYPTION_KEY/,
    );
    expect(() =>
      parseEnv({
        ...sandbox,
        CASHFREE_PARTNER_API_KEY: "pk",
        CASHFREE_OAUTH_CLIENT_ID: "cid",
        CASHFREE_TOKEN_ENCRYPTION_KEY: "short",
      }),
    ).toThrow(/32 bytes/);
    expect(() => parseEnv({ ...sandbox, CASHFREE_PARTNER_API_KEY: "pk" })).toThrow(/CASHFREE_OAUTH_CLIENT_ID/);
  });

  describe("token encryption keys (issue 26)", () => {
    const sandbox = {
      CASHFREE_ENV: "sandbox",
      CASHFREE_APP_ID: "TEST1",
      CASHFREE_SECRET_KEY: "cfsk_ma_test_x",
      CASHFREE_PARTNER_API_KEY: "pk",
      CASHFREE_OAUTH_CLIENT_ID: "cid",
    };
    const production = {
      NODE_ENV: "production",
      APP_URL: "https://shop.example.in",
      CASHFREE_ENV: "production",
      CASHFREE_APP_ID: "12345abc",
      CASHFREE_SECRET_KEY: "cfsk_ma_prod_abc",
      AUTH_SECRET: "x".repeat(32),
      CASHFREE_PARTNER_API_KEY: "pk",
      CASHFREE_OAUTH_CLIENT_ID: "cid",
    };
    const newest = randomBytes(32);
    const previous = randomBytes(32);
    const keysOf = (source: Record<string, string>) => parseEnv(source).cashfree.partner!.encryptionKeys;

    it("CASHFREE_TOKEN_ENCRYPTION_KEYS lists the keys newest first; CASHFREE_TOKEN_ENCRYPTION_KEY is one key", () => {
      const list = `${newest.toString("base64")}, ${previous.toString("hex")}`;
      expect(keysOf({ ...sandbox, CASHFREE_TOKEN_ENCRYPTION_KEYS: list })).toEqual([newest, previous]);
      expect(keysOf({ ...sandbox, CASHFREE_TOKEN_ENCRYPTION_KEY: newest.toString("base64") })).toEqual([newest]);
      expect(() =>
        parseEnv({
          ...sandbox,
          CASHFREE_TOKEN_ENCRYPTION_KEYS: list,
          CASHFREE_TOKEN_ENCRYPTION_KEY: newest.toString("base64"),
        }),
      ).toThrow(/CASHFREE_TOKEN_ENCRYPTION_KEYS alone/);
      expect(() =>
        parseEnv({
          ...sandbox,
          CASHFREE_TOKEN_ENCRYPTION_KEYS: `${newest.toString("base64")},${newest.toString("hex")}`,
        }),
      ).toThrow(/same key twice/);
      expect(() =>
        parseEnv({ ...sandbox, CASHFREE_TOKEN_ENCRYPTION_KEYS: `${newest.toString("base64")},short` }),
      ).toThrow(/CASHFREE_TOKEN_ENCRYPTION_KEYS: must be 32 bytes/);
    });

    it("refuses weak keys in production: all zeros, the committed local key, a repeated pattern, under 32 bytes", () => {
      expect(keysOf({ ...production, CASHFREE_TOKEN_ENCRYPTION_KEYS: newest.toString("base64") })).toEqual([newest]);
      const localKey = "6c6f63616c2d6f6e6c792d746f6b656e2d6b65792d6e6f742d666f722d70726f";
      const weak = [
        Buffer.alloc(32).toString("base64"),
        localKey,
        "0123456789abcdef".repeat(4),
        Buffer.alloc(32, 7).toString("hex"),
      ];
      for (const key of weak) {
        expect(() => parseEnv({ ...production, CASHFREE_TOKEN_ENCRYPTION_KEY: key }), key).toThrow(
          /CASHFREE_TOKEN_ENCRYPTION_KEY: a weak key/,
        );
        // A weak previous key too: it would still open what it sealed.
        expect(() =>
          parseEnv({ ...production, CASHFREE_TOKEN_ENCRYPTION_KEYS: `${newest.toString("base64")},${key}` }),
        ).toThrow(/CASHFREE_TOKEN_ENCRYPTION_KEYS: a weak key/);
        // Elsewhere (tests, the sandbox) such keys are allowed.
        expect(keysOf({ ...sandbox, CASHFREE_TOKEN_ENCRYPTION_KEY: key })).toHaveLength(1);
      }
      expect(() =>
        parseEnv({ ...production, CASHFREE_TOKEN_ENCRYPTION_KEY: randomBytes(16).toString("base64") }),
      ).toThrow(/must be 32 bytes/);
      // `next start` with the local sandbox: the committed key is not used silently either.
      const laptop = { NODE_ENV: "production", APP_URL: "http://localhost:3000", AUTH_SECRET: "y".repeat(32) };
      expect(() => parseEnv(laptop)).toThrow(/CASHFREE_TOKEN_ENCRYPTION_KEYS: required in production/);
      expect(() => parseEnv({ ...laptop, CASHFREE_TOKEN_ENCRYPTION_KEY: localKey })).toThrow(/a weak key/);
      expect(keysOf({ ...laptop, CASHFREE_TOKEN_ENCRYPTION_KEYS: newest.toString("base64") })).toEqual([newest]);
    });
  });

  it("takes an optional Redis URL for the shared page cache, and only a redis one", () => {
    expect(parseEnv({}).redisUrl).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "" }).redisUrl).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "rediss://u:p@cache.example.com:6380" }).redisUrl).toBe(
      "rediss://u:p@cache.example.com:6380",
    );
    expect(() => parseEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ REDIS_URL: "not a url" })).toThrow(/REDIS_URL/);
  });

  it("logs JSON in production and readable lines elsewhere, unless told; traces only with an endpoint", () => {
    expect(parseEnv({}).log).toEqual({ level: "info", format: "pretty" });
    const production = { NODE_ENV: "production", NEXT_PHASE: "phase-production-build" };
    expect(parseEnv(production).log.format).toBe("json");
    expect(parseEnv({ LOG_FORMAT: "json", LOG_LEVEL: "debug" }).log).toEqual({ level: "debug", format: "json" });
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);

    expect(parseEnv({}).tracing).toBeNull();
    expect(parseEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318/" }).tracing).toEqual({
      url: "http://127.0.0.1:4318/v1/traces",
      headers: {},
      serviceName: "kaveri-storefront",
    });
    expect(
      parseEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://api.honeycomb.io/v1/traces",
        OTEL_EXPORTER_OTLP_HEADERS: "x-honeycomb-team=abc%3D,x-extra = 1",
        OTEL_SERVICE_NAME: "shop-eu",
      }).tracing,
    ).toEqual({
      url: "https://api.honeycomb.io/v1/traces",
      headers: { "x-honeycomb-team": "abc=", "x-extra": "1" },
      serviceName: "shop-eu",
    });
    expect(() => parseEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() =>
      parseEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_EXPORTER_OTLP_HEADERS: "novalue" }),
    ).toThrow(/OTEL_EXPORTER_OTLP_HEADERS/);
  });
});
