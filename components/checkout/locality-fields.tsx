import { useRef, useState } from "react";

import { type PincodePlace, pincodeStateMismatch } from "@/lib/address/pincode-rules";
import type { CustomerField } from "@/lib/checkout-schema";

import { CheckoutField, StateField } from "./checkout-fields";

type Lookup = { place: PincodePlace } | { error: string } | null;

/** Asks the shop what a complete PIN code tells; null when it could not say (offline, rate-limited). */
async function lookUp(pincode: string, signal: AbortSignal): Promise<Lookup> {
  try {
    const response = await fetch(`/api/pincodes/${pincode}`, { signal });
    const body = await response.json();
    if (response.ok) return { place: body as PincodePlace };
    // A PIN code no place has: say so now, rather than only when the shopper pays.
    return response.status === 400 || response.status === 404 ? { error: String(body.error) } : null;
  } catch {
    // Offline or superseded by the next keystroke: the server checks the PIN code when the order is placed.
    return null;
  }
}

/**
 * PIN code, city and state. A complete PIN code fills in the state (and the city, unless the shopper typed one),
 * and a state it contradicts is pointed out at once; the server checks both again when the order is placed
 * (lib/address/pincodes.ts), since the browser can be bypassed.
 */
export function LocalityFields({
  errors,
  onStateChange,
}: {
  errors: Partial<Record<CustomerField, string>>;
  onStateChange: (state: string) => void;
}) {
  const [city, setCity] = useState("");
  const [state, setState] = useState("");
  const [lookup, setLookup] = useState<Lookup>(null);
  // The server's message for a PIN code or state the shopper has changed since no longer applies.
  const [editedSince, setEditedSince] = useState<typeof errors | null>(null);
  const filledCity = useRef("");
  // What the fields hold now, for a lookup that answers after the shopper typed on.
  const latest = useRef<{ city: string; state: string; place: PincodePlace | null }>({ city, state, place: null });
  const pending = useRef<AbortController | null>(null);

  /** The tax follows the state only when the PIN code agrees with it (else the server would refuse the order). */
  function reportState() {
    const { state, place } = latest.current;
    onStateChange(place && pincodeStateMismatch(place, state) ? "" : state);
  }

  function changeCity(next: string) {
    latest.current.city = next;
    setCity(next);
  }

  function chooseState(next: string) {
    latest.current.state = next;
    setState(next);
    reportState();
  }

  function showLookup(answer: Lookup) {
    latest.current.place = answer && "place" in answer ? answer.place : null;
    setLookup(answer);
  }

  async function pincodeChanged(value: string) {
    setEditedSince(errors);
    pending.current?.abort();
    showLookup(null);
    reportState();
    const pincode = value.replace(/\s/g, "");
    if (!/^\d{6}$/.test(pincode)) return;
    const controller = new AbortController();
    pending.current = controller;
    const answer = await lookUp(pincode, controller.signal);
    if (controller.signal.aborted) return;
    showLookup(answer);
    if (!answer || !("place" in answer)) return reportState();
    const { place } = answer;
    if (place.known && (latest.current.city === "" || latest.current.city === filledCity.current)) {
      filledCity.current = place.city;
      changeCity(place.city);
    }
    // A PIN code on a state line (a few near Chandigarh, Puducherry, Daman…) leaves the choice to the shopper.
    if (place.states.includes(latest.current.state as never)) reportState();
    else chooseState(place.states.length === 1 ? place.states[0]! : "");
  }

  const place = lookup && "place" in lookup ? lookup.place : null;
  const serverError = (field: CustomerField) => (errors === editedSince ? undefined : errors[field]);
  const pincodeError =
    serverError("pincode") ??
    (lookup && "error" in lookup ? lookup.error : undefined) ??
    (place && state ? (pincodeStateMismatch(place, state) ?? undefined) : undefined);
  const hint =
    place && !pincodeError
      ? place.states.length > 1 && !state
        ? `This PIN code is in ${place.states.join(" and ")}: choose the state`
        : place.known
          ? `${place.city}, ${place.states.includes(state as never) ? state : place.states[0]}`
          : ""
      : "";

  return (
    <div className="grid grid-cols-1 gap-4 sm:col-span-2 sm:grid-cols-3">
      <CheckoutField
        name="pincode"
        label="PIN code"
        autoComplete="postal-code"
        inputMode="numeric"
        error={pincodeError}
        hint={hint}
        onChange={pincodeChanged}
      />
      <CheckoutField
        name="city"
        label="City"
        autoComplete="address-level2"
        value={city}
        error={serverError("city")}
        onChange={changeCity}
      />
      <StateField
        value={state}
        error={serverError("state")}
        onChange={(next) => {
          setEditedSince(errors);
          chooseState(next);
        }}
      />
    </div>
  );
}
