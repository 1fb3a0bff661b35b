/** The choices of a quantity select: 1 to `max` (never fewer than the quantity already chosen). */
export function QuantityOptions({ max, current = 1 }: { max: number; current?: number }) {
  return Array.from({ length: Math.max(current, max) }, (_, i) => i + 1).map((n) => (
    <option key={n} value={n}>
      {n}
    </option>
  ));
}
