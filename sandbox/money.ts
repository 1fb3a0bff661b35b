/** The sandbox keeps integer paise; Cashfree writes rupees with decimals. */

export function paiseFromAmount(value: unknown): number | null {
  if (typeof value !== "number" && typeof value !== "string") return null;
  const text = String(value).trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** A JSON number as Cashfree writes it in API responses: 1499 or 1499.5. */
export const amountNumber = (paise: number) => paise / 100;

/** Two decimals, as Cashfree writes amounts in webhook bodies ("1499.00"). */
export const amountDecimal = (paise: number) => `${Math.trunc(paise / 100)}.${String(paise % 100).padStart(2, "0")}`;

/** Marks a value to be written into raw JSON as a two-decimal number (e.g. 170.00), which JSON.stringify cannot do. */
export class Decimal2 {
  constructor(readonly paise: number) {}
  toJSON() {
    return `__DECIMAL2__${amountDecimal(this.paise)}__`;
  }
}

export function stringifyWithDecimals(value: unknown): string {
  return JSON.stringify(value).replace(/"__DECIMAL2__(\d+\.\d{2})__"/g, "$1");
}
