import { z } from "@/lib/zod";

/**
 * Common Indian couriers and their public tracking pages. `{awb}` is replaced by the tracking number; a courier
 * without a pattern needs the merchant to paste the tracking URL (or the shopper gets the number only).
 */
export const COURIERS = [
  { name: "Delhivery", trackingUrl: "https://www.delhivery.com/track/package/{awb}" },
  { name: "Blue Dart", trackingUrl: "https://www.bluedart.com/tracking?trackFor=0&trackNo={awb}" },
  { name: "Ekart", trackingUrl: "https://ekartlogistics.com/shipmenttrack/{awb}" },
  { name: "Xpressbees", trackingUrl: "https://www.xpressbees.com/shipment/tracking?awbNo={awb}" },
  { name: "DTDC", trackingUrl: null },
  { name: "India Post", trackingUrl: null },
  { name: "Other", trackingUrl: null },
] as const;

export type CourierName = (typeof COURIERS)[number]["name"];
const COURIER_NAMES = COURIERS.map((c) => c.name) as [CourierName, ...CourierName[]];

/** The tracking page for a shipment: the merchant's URL, else the courier's pattern, else none. */
export function trackingUrlFor(courier: CourierName, awb: string, given?: string) {
  if (given) return given;
  const pattern = COURIERS.find((c) => c.name === courier)?.trackingUrl;
  return pattern ? pattern.replace("{awb}", encodeURIComponent(awb)) : undefined;
}

export const shipmentSchema = z.object({
  courier: z.enum(COURIER_NAMES, "Choose the courier."),
  // Air waybill numbers are letters and digits (some couriers add dashes), 6 to 30 of them.
  trackingNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{4,28}[A-Z0-9]$/, "Enter the tracking (AWB) number: 6–30 letters and digits."),
  trackingUrl: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https$/, error: "Enter the tracking link as an https:// address." }).max(500),
    ])
    .optional()
    .transform((v) => v || undefined),
});
