import "server-only";

import type { z } from "zod";

import { INDIAN_STATES, type IndianState } from "@/lib/gst/codes";
import { ARMY_POSTAL_PIN, pincodeSchema } from "@/lib/schemas";

import { type PincodePlace, pincodeStateMismatch } from "./pincode-rules";

// PIN code → state and city, from GeoNames' postal codes (CC BY 4.0, https://www.geonames.org/, checked
// 2026-03-11) and India Post's All India Pincode Directory (data.gov.in, Government Open Data Licence – India),
// with Leh and Kargil (194xxx) moved to Ladakh and Dadra and Nagar Haveli and Daman and Diu merged. Built by
// scripts/build-pincode-table.ts; docs/addresses.md has the sources and how to refresh it. Server-only: 155 kB
// that the browser never needs (it asks /api/pincodes/<pin>).
import table from "./pincode-table.json";

interface Index {
  byPincode: Map<string, { states: IndianState[]; city: string }>;
  /** The states each 3-digit sorting district and 2-digit postal circle serves, as seen in the list. */
  byPrefix: Map<string, Set<IndianState>>;
}

let index: Index | undefined;

function load(): Index {
  if (index) return index;
  const byPincode: Index["byPincode"] = new Map();
  const byPrefix: Index["byPrefix"] = new Map();
  for (const [state, city, pincodes] of table.rows as [IndianState, string, string][]) {
    for (const pincode of pincodes.split(" ")) {
      const place = byPincode.get(pincode);
      if (place) place.states.push(state);
      else byPincode.set(pincode, { states: [state], city });
      for (const prefix of [pincode.slice(0, 3), pincode.slice(0, 2)]) {
        if (!byPrefix.has(prefix)) byPrefix.set(prefix, new Set());
        byPrefix.get(prefix)!.add(state);
      }
    }
  }
  return (index = { byPincode, byPrefix });
}

/**
 * The place a 6-digit PIN code is in; null when no PIN code can start as it does (no postal circle uses its first
 * two digits, or it is an Army Postal Service code, 9xxxxx, which is not a civilian delivery address).
 */
export function lookupPincode(pincode: string): PincodePlace | null {
  if (!/^[1-8]\d{5}$/.test(pincode)) return null;
  const { byPincode, byPrefix } = load();
  const place = byPincode.get(pincode);
  if (place) return { pincode, known: true, states: place.states, city: place.city };
  // India Post opens new post offices inside a sorting district (the first 3 digits), so a new PIN code's state is
  // one of its district's; a district not seen yet still lies inside its circle (the first 2).
  for (const prefix of [pincode.slice(0, 3), pincode.slice(0, 2)]) {
    const states = byPrefix.get(prefix);
    if (states) return { pincode, known: false, states: [...states].sort(), prefix };
  }
  return null;
}

/** Why no place has `pincode` (lookupPincode gave null), in a sentence. */
export function noSuchPincode(pincode: string) {
  if (pincode.startsWith("9")) return ARMY_POSTAL_PIN;
  return `No Indian PIN code starts with ${pincode.slice(0, 2)}: please check the PIN code`;
}

/**
 * Why `pincode` cannot be in `state`, in a sentence naming the rule, or null when it can. A PIN code that is not
 * in India Post's list but whose first digits are used in `state` is accepted: new PIN codes appear between
 * refreshes of the list, and the state the shopper chose is then the best we know.
 */
export function pincodeStateProblem(pincode: string, state: string): string | null {
  const place = lookupPincode(pincode);
  return place ? pincodeStateMismatch(place, state) : noSuchPincode(pincode);
}

/**
 * A zod refinement for any address with a `pincode` and a `state` (checkout, saved addresses): the PIN code must be
 * in the state, so the place of supply, and with it the GST, can never follow a state the PIN code contradicts.
 * Server-side only (the data stays there); the browser's form only hints.
 */
export function pincodeMatchesState(address: { pincode: string; state: string }, ctx: z.RefinementCtx) {
  // A PIN code or state that failed its own check already has its message.
  if (
    !pincodeSchema.safeParse(address.pincode).success ||
    !(INDIAN_STATES as readonly string[]).includes(address.state)
  )
    return;
  const problem = pincodeStateProblem(address.pincode, address.state);
  if (problem) ctx.addIssue({ code: "custom", path: ["pincode"], message: problem });
}
