/** Test credentials of the local sandbox; the app's local defaults (lib/env-schema.ts) match them. */
export const SANDBOX_DEFAULT_APP_ID = "TEST_LOCAL_APP_ID";
export const SANDBOX_DEFAULT_SECRET_KEY = "cfsk_ma_test_local_sandbox_secret";
export const SANDBOX_DEFAULT_PORT = 8787;
/** Partner OAuth test credentials and the one merchant that can be linked. */
export const SANDBOX_PARTNER_API_KEY = "cf_partner_local_apikey";
export const SANDBOX_OAUTH_CLIENT_ID = "cf_oauth_local_client";
export const SANDBOX_MERCHANT_ID = "CFLOCAL0001";
export const SANDBOX_API_VERSIONS = ["2023-08-01", "2025-01-01", "2026-01-01"] as const;
export const SANDBOX_OTP = "111000";

/** Cashfree's sandbox allow-list for UPI collect (https://www.cashfree.com/docs/payments/online/resources/sandbox-environment). */
export const TEST_VPAS: Record<string, "SUCCESS" | "FAILED"> = {
  "testsuccess@gocash": "SUCCESS",
  "testfailure@gocash": "FAILED",
  "testtpvsuccess@gocash": "SUCCESS",
  "testtpvfail@gocash": "FAILED",
  "success@upi": "SUCCESS",
};

export const TEST_CARDS = [
  { label: "Visa debit", number: "4706131211212123", network: "visa", type: "debit_card" },
  { label: "Visa credit", number: "4576238912771450", network: "visa", type: "credit_card" },
  { label: "Mastercard credit", number: "5105105105105100", network: "mastercard", type: "credit_card" },
  { label: "Mastercard debit", number: "5409162669381034", network: "mastercard", type: "debit_card" },
  { label: "RuPay debit", number: "6074825972083818", network: "rupay", type: "debit_card" },
] as const;

export const TEST_BANKS = [
  { code: "3044", name: "State Bank Of India" },
  { code: "3021", name: "HDFC Bank" },
  { code: "3022", name: "ICICI Bank" },
  { code: "3333", name: "TEST Bank" },
] as const;

export const TEST_WALLETS = [
  { code: "4010", provider: "testwallet", name: "Test Wallet (Sandbox)" },
  { code: "4009", provider: "phonepe", name: "PhonePe" },
  { code: "4007", provider: "paytm", name: "Paytm" },
] as const;

export const FAILURE_TYPES = [
  {
    code: "TRANSACTION_DECLINED",
    reason: "auth_declined",
    description: "issuer bank or payment service provider declined the transaction",
  },
  {
    code: "INSUFFICIENT_FUNDS",
    reason: "insufficient_funds",
    description: "insufficient funds in the customer's account",
  },
  { code: "ISSUER_NOT_AVAILABLE", reason: "issuer_unavailable", description: "issuer bank is not available" },
  { code: "INVALID_OTP", reason: "otp_invalid", description: "the OTP entered was incorrect" },
] as const;
