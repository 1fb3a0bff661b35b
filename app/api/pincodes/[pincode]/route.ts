// GET /api/pincodes/110001 – what a PIN code tells (lib/address/pincode-rules.ts: PincodePlace), for the checkout
// form to fill in the city and state as the shopper types; the server checks them again when the order is placed
import { NextResponse } from "next/server";

import { lookupPincode, noSuchPincode } from "@/lib/address/pincodes";
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { limitRoute } from "@/lib/rate-limit";
import { pincodeSchema } from "@/lib/schemas";

export async function GET(request: Request, { params }: { params: Promise<{ pincode: string }> }) {
  const limited = await limitRoute(["pincodeLookupPerAddress", clientAddress(request.headers, env.trustedProxyHops)]);
  if (limited) return limited;
  const pincode = pincodeSchema.safeParse((await params).pincode);
  if (!pincode.success) return NextResponse.json({ error: pincode.error.issues[0]!.message }, { status: 400 });
  const place = lookupPincode(pincode.data);
  if (!place) return NextResponse.json({ error: noSuchPincode(pincode.data) }, { status: 404 });
  // The list changes only with a release: browsers and CDNs may keep the answer for a day.
  return NextResponse.json(place, { headers: { "Cache-Control": "public, max-age=86400" } });
}
