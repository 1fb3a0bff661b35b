import type { IndianState } from "@/lib/gst/codes";

/**
 * What a PIN code tells (lib/address/pincodes.ts looks it up, on the server): its state, or states for the few
 * that cross a state line, and the city to suggest, when India Post's list has it; else the states its first
 * digits are used in (new PIN codes appear between refreshes of the list).
 */
export type PincodePlace =
  | { pincode: string; known: true; states: IndianState[]; city: string }
  | { pincode: string; known: false; states: IndianState[]; prefix: string };

const either = (states: readonly string[]) =>
  states.length <= 2 ? states.join(" or ") : `${states.slice(0, -1).join(", ")} or ${states.at(-1)}`;

/**
 * Why an address in `state` cannot have this PIN code, in a sentence naming the rule ("PIN code 110001 is in
 * Delhi, not Karnataka"), or null when it can. Shared by the server's check and the checkout form's hint.
 */
export function pincodeStateMismatch(place: PincodePlace, state: string): string | null {
  if ((place.states as string[]).includes(state)) return null;
  if (place.known) return `PIN code ${place.pincode} is in ${either(place.states)}, not ${state}`;
  return `PIN codes starting with ${place.prefix} are in ${either(place.states)}, not ${state}`;
}
