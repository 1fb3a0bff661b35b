import { z } from "zod";

import type { CashfreeConfig } from "./config";
import { cashfreeFetch } from "./http";

/**
 * Cashfree's partner OAuth (https://www.cashfree.com/docs/partners/embedded/oauth-flow) on the partner host: auth link, code and refresh-token
 * grants, revoke, merchant status. Grants are never retried here: a code and a refresh token are single use,
 * so sending one again after an unclear failure could only spend it; the caller decides what to do next.
 */
export interface PartnerConfig {
  baseUrl: string;
  apiKey: string;
  clientId: string;
  timeoutMs?: number;
}

export interface OAuthTokens {
  merchantId: string;
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

const authLinkSchema = z.looseObject({ auth_link: z.url(), expires_at: z.string().nullish() });
const tokenSchema = z
  .looseObject({
    merchant_id: z.string().min(1),
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    token_type: z.string().nullish(),
    expires_in: z.coerce.number().int().positive(),
  })
  .transform((t): OAuthTokens => ({
    merchantId: t.merchant_id,
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresInSeconds: t.expires_in,
  }));
const revokeSchema = z.looseObject({ merchant_id: z.string().nullish(), connection_status: z.string().nullish() });
const merchantSchema = z
  .looseObject({
    merchant_id: z.string(),
    merchant_name: z.string().nullish(),
    onboarding_status: z.string().nullish(),
  })
  .transform((m) => ({
    merchantId: m.merchant_id,
    merchantName: m.merchant_name ?? null,
    onboardingStatus: m.onboarding_status ?? null,
  }));

function partnerHttp(partner: PartnerConfig): CashfreeConfig {
  return {
    baseUrl: partner.baseUrl,
    credentials: { kind: "partnerOAuth", partnerApiKey: partner.apiKey, oauthClientId: partner.clientId },
    timeoutMs: partner.timeoutMs ?? 8_000,
    maxRetries: 0,
    retryBaseMs: 0,
  };
}

export async function createAuthLink(partner: PartnerConfig, state: string) {
  const link = await cashfreeFetch(partnerHttp(partner), {
    method: "POST",
    path: "/partners/oauth/auth_link",
    body: { response_type: "code", scope: "read_write", state },
    schema: authLinkSchema,
  });
  return link.auth_link;
}

export function exchangeCode(partner: PartnerConfig, code: string) {
  return cashfreeFetch(partnerHttp(partner), {
    method: "POST",
    path: "/partners/oauth/token",
    body: { grant_type: "authorization_code", code },
    schema: tokenSchema,
  });
}

export function refreshTokens(partner: PartnerConfig, refreshToken: string) {
  return cashfreeFetch(partnerHttp(partner), {
    method: "POST",
    path: "/partners/oauth/token",
    body: { grant_type: "refresh_token", refresh_token: refreshToken },
    schema: tokenSchema,
  });
}

export function revokeMerchant(partner: PartnerConfig, merchantId: string) {
  return cashfreeFetch(partnerHttp(partner), {
    method: "POST",
    path: `/partners/oauth/${encodeURIComponent(merchantId)}/revoke`,
    schema: revokeSchema,
  });
}

export function getMerchantStatus(partner: PartnerConfig, merchantId: string) {
  return cashfreeFetch(partnerHttp(partner), {
    method: "GET",
    path: `/partners/merchants/${encodeURIComponent(merchantId)}`,
    apiVersion: "2023-01-01",
    schema: merchantSchema,
  });
}
