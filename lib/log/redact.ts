import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * What never reaches a log line or a span: secrets, tokens, and the shopper's personal and payment data. Two
 * layers: fields named like a secret or personal datum are replaced whole, at any depth (pino's own `redact`
 * paths are fixed-depth, and a webhook body nests its customer three levels down), and every other string is
 * scrubbed of anything that looks like one.
 */

/** Fields whose values are dropped whatever they hold (compared lower-cased, without `_` and `-`). */
const SECRET_FIELDS = new Set(
  [
    "password",
    "passwordHash",
    "secret",
    "secretKey",
    "clientSecret",
    "x-client-secret",
    "apiKey",
    "x-partner-apikey",
    "token",
    "accessToken",
    "refreshToken",
    "idToken",
    "sessionToken",
    "paymentSessionId",
    "authorization",
    "cookie",
    "set-cookie",
    "email",
    "customerEmail",
    "phone",
    "customerPhone",
    "customerName",
    "fullName",
    "address",
    "addressLine1",
    "addressLine2",
    "cardNumber",
    "card",
    "pan",
    "cvv",
    "upi",
    "upiId",
    "vpa",
  ].map((field) => field.toLowerCase().replace(/[_-]/g, "")),
);

/**
 * Fields that hold our own identifiers: kept as they are, though some look like a token or a card number to the
 * patterns below (a request id is a UUID; a cf_payment_id is 13+ digits; a pod's hostname is a long mixed run).
 */
const ID_FIELDS = new Set(
  [
    "id",
    "requestId",
    "orderId",
    "cfPaymentId",
    "cfOrderId",
    "refundId",
    "cfRefundId",
    "disputeId",
    "linkId",
    "webhookEventId",
    "jobId",
    "traceId",
    "spanId",
    "digest",
    "hostname",
  ].map((field) => field.toLowerCase().replace(/[_-]/g, "")),
);

/** `customer_email`, `customerEmail` and a span attribute's `http.request.header.authorization` alike. */
const normalised = (field: string) => (field.split(".").at(-1) ?? field).toLowerCase().replace(/[_-]/g, "");
/** OpenTelemetry's network attributes: a host or IP, not a shopper's address. */
const NETWORK_FIELDS = new Set(["server.address", "client.address", "network.peer.address", "network.local.address"]);
const isSecretField = (field: string) => !NETWORK_FIELDS.has(field) && SECRET_FIELDS.has(normalised(field));
const isIdField = (field: string) => ID_FIELDS.has(normalised(field));

/** Luhn's check: what separates a card number from any other long run of digits (a timestamp, an amount). */
function passesLuhn(digits: string) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function maskCard(match: string) {
  const digits = match.replace(/[ -]/g, "");
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? "[card]" : match;
}

const PATTERNS: [RegExp, string | ((match: string) => string)][] = [
  // A database error's message carries its query's parameters (drizzle: "Failed query: …\nparams: …").
  [/\nparams: [\s\S]*$/, "\nparams: [redacted]"],
  // Credentials in a URL (smtps://user:pass@host).
  [/(\/\/)[^\s/:@]+:[^\s/@]+@/g, "$1[credentials]@"],
  [/\b(cfsk_|Bearer\s+)\S+/gi, "$1[secret]"],
  [
    /\b(password|passwd|secret|token|api[_-]?key|client[_-]?secret|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
    "$1$2[secret]",
  ],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[email]"],
  // A UPI address (VPA): name@bank, a handle without a dot (asha@okaxis, 9876543210@ybl).
  [/(?<![\w.+-])[\w.-]+@[A-Za-z][A-Za-z0-9]{1,63}(?![\w.@-])/g, "[upi]"],
  // Card numbers: 13–19 digits, optionally in groups, that pass Luhn's check.
  [/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, maskCard],
  [/(?<![\w-])(\+?91[\s-]?)?[6-9]\d{9}(?!\d)/g, "[phone]"],
  [/(?<![\w+])\+\d{10,14}(?!\d)/g, "[phone]"],
  // Tokens, session ids, keys: long runs of base64url characters with letters and digits (not snake_case names).
  [/(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{20,}/g, "[token]"],
];

export function redact(text: string): string {
  return PATTERNS.reduce(
    (out, [pattern, replacement]) =>
      typeof replacement === "string" ? out.replace(pattern, replacement) : out.replace(pattern, replacement),
    text,
  );
}

/** A copy of `value` with secret fields dropped and every string redacted, at any depth (cycles cut). */
export function redactValue(value: unknown, field?: string, seen = new WeakSet<object>()): unknown {
  if (field !== undefined && isSecretField(field) && value !== null && value !== undefined) return "[redacted]";
  if (typeof value === "string") return field !== undefined && isIdField(field) ? value : redact(value);
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined, seen));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, key, seen)]));
}

function causeOf(error: unknown): { code?: string; message?: string } | undefined {
  const cause = (error as { cause?: unknown })?.cause;
  return cause && typeof cause === "object" ? (cause as { code?: string; message?: string }) : undefined;
}

/**
 * The one place that turns errors into log text. Database errors carry their query's parameters (order tokens,
 * names, e-mails, phones, addresses, webhook bodies): only the SQL, with its $n placeholders, and the database's
 * own error code and message are kept. Whatever text remains is passed through `redact`.
 */
/** drizzle's query error, by shape too: Next.js bundles drizzle into several chunks, each with its own class. */
const isQueryError = (error: unknown): error is DrizzleQueryError =>
  error instanceof DrizzleQueryError ||
  (error instanceof Error && typeof (error as { query?: unknown }).query === "string" && "params" in error);

export function describeError(error: unknown): string {
  if (isQueryError(error)) {
    const cause = causeOf(error);
    const sql = error.query.replace(/\s+/g, " ").slice(0, 160);
    return redact(
      `database error${cause?.code ? ` ${cause.code}` : ""}: ${cause?.message ?? "query failed"} (in: ${sql})`,
    );
  }
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return redact(String(error));
}

/** An error as a log field: its redacted description, code and digest, and its stack without the message. */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: describeError(error) };
  const { code, digest, cause } = error as { code?: unknown; digest?: unknown; cause?: unknown };
  // The stack's first lines repeat the message (unredacted); the frames after it are code locations.
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return {
    type: error.name,
    message: describeError(error),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(typeof digest === "string" ? { digest } : {}),
    ...(cause !== undefined && !isQueryError(error) ? { cause: describeError(cause) } : {}),
    ...(frames?.length ? { stack: frames.map((line) => line.trim()).join("\n") } : {}),
  };
}
