import { TEST_BANKS, TEST_CARDS, TEST_VPAS, TEST_WALLETS } from "./defaults";
import { CfError, invalid, missing } from "./errors";

export interface ChosenMethod {
  kind: "card" | "upi" | "netbanking" | "app";
  channel: string;
  group: string;
  method: Record<string, unknown>;
  /** Card, netbanking, wallet and UPI intent go to the simulator page; a test VPA decides at once. */
  needsSimulator: boolean;
  immediateOutcome: "SUCCESS" | "FAILED" | null;
}

const str = (value: unknown) => (value === undefined || value === null ? "" : String(value));

function luhn(number: string) {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function card(details: Record<string, unknown>): ChosenMethod {
  const number = str(details.card_number).replace(/\s/g, "");
  if (!number) throw missing("card_number");
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw invalid("card_number", "is not a valid card number", number);
  if (!str(details.card_expiry_mm)) throw missing("card_expiry_mm");
  if (!str(details.card_expiry_yy)) throw missing("card_expiry_yy");
  if (!/^(0[1-9]|1[0-2])$/.test(str(details.card_expiry_mm)))
    throw invalid("card_expiry_mm", "should be a 2 digit month", details.card_expiry_mm);
  if (!/^\d{2}$/.test(str(details.card_expiry_yy)))
    throw invalid("card_expiry_yy", "should be a 2 digit year", details.card_expiry_yy);
  const cvv = str(details.card_cvv);
  if (!cvv) throw missing("card_cvv");
  if (!/^\d{3,4}$/.test(cvv)) throw invalid("card_cvv", "should be at least 3 characters", cvv);
  const known = TEST_CARDS.find((c) => c.number === number);
  const type = known?.type ?? (number.startsWith("5") ? "credit_card" : "debit_card");
  return {
    kind: "card",
    channel: str(details.channel) || "link",
    group: type,
    method: {
      card: {
        channel: str(details.channel) || "link",
        card_number: `XXXXXXXXXXXX${number.slice(-4)}`,
        card_network: known?.network ?? "visa",
        card_type: type,
        card_sub_type: "R",
        card_country: "IN",
        card_bank_name: "Sandbox Bank",
        card_network_reference_id: null,
      },
    },
    needsSimulator: true,
    immediateOutcome: null,
  };
}

function upi(details: Record<string, unknown>): ChosenMethod {
  const channel = str(details.channel);
  if (!channel) throw missing("channel");
  if (channel === "collect") {
    const vpa = str(details.upi_id).trim().toLowerCase();
    if (!vpa) throw missing("upi_id");
    const outcome = TEST_VPAS[vpa];
    if (!outcome) {
      throw new CfError(
        400,
        "upi_id_invalid",
        "invalid_request_error",
        "upi_id for sandbox should be testsuccess@gocash or testfailure@gocash or testtpvsuccess@gocash or testtpvfail@gocash or success@upi",
      );
    }
    return {
      kind: "upi",
      channel,
      group: "upi",
      method: { upi: { channel, upi_id: vpa } },
      needsSimulator: false,
      immediateOutcome: outcome,
    };
  }
  if (channel !== "link" && channel !== "qrcode")
    throw invalid("channel", "should be one of link, collect, qrcode", channel, "channel_invalid");
  return {
    kind: "upi",
    channel,
    group: "upi",
    method: { upi: { channel, upi_id: null } },
    needsSimulator: true,
    immediateOutcome: null,
  };
}

function netbanking(details: Record<string, unknown>): ChosenMethod {
  const code = str(details.netbanking_bank_code);
  const name = str(details.netbanking_bank_name);
  if (!code && !name) throw missing("netbanking_bank_code");
  if (code && !/^\d{4}$/.test(code))
    throw invalid("netbanking_bank_code", "should be a 4 digit bank code", code, "netbanking_bank_code_invalid");
  const bank = TEST_BANKS.find((b) => b.code === code);
  return {
    kind: "netbanking",
    channel: "link",
    group: "net_banking",
    method: {
      netbanking: {
        channel: null,
        netbanking_bank_code: code || "3333",
        netbanking_bank_name: bank?.name ?? (name || "TEST Bank"),
      },
    },
    needsSimulator: true,
    immediateOutcome: null,
  };
}

function app(details: Record<string, unknown>): ChosenMethod {
  const provider = str(details.provider);
  if (!provider) throw missing("provider");
  if (!str(details.phone)) throw missing("phone");
  if (!/^\d{10}$/.test(str(details.phone)))
    throw new CfError(
      400,
      "phone_invalid",
      "invalid_request_error",
      `phone : must contain a valid 10-digit Indian phone number. Value received: ${str(details.phone)}`,
    );
  const wallet = TEST_WALLETS.find((w) => w.provider === provider);
  return {
    kind: "app",
    channel: "link",
    group: "wallet",
    method: { app: { channel: wallet?.name ?? provider, upi_id: null, provider, phone: str(details.phone) } },
    needsSimulator: true,
    immediateOutcome: null,
  };
}

/** Reads Order Pay's `payment_method` (exactly one key) with Cashfree's validation errors. */
export function choosePaymentMethod(paymentMethod: unknown): ChosenMethod {
  if (!paymentMethod || typeof paymentMethod !== "object") throw missing("payment_method");
  const entries = Object.entries(paymentMethod as Record<string, unknown>);
  if (entries.length !== 1)
    throw invalid("payment_method", "should have exactly one payment method", JSON.stringify(paymentMethod));
  const [kind, details] = entries[0]!;
  const value = (details ?? {}) as Record<string, unknown>;
  switch (kind) {
    case "card":
      return card(value);
    case "upi":
      return upi(value);
    case "netbanking":
      return netbanking(value);
    case "app":
      return app(value);
    default:
      throw new CfError(
        400,
        "payment_method_unsupported",
        "invalid_request_error",
        `payment_method : ${kind} is not supported in this sandbox`,
      );
  }
}
