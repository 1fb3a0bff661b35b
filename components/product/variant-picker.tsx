"use client";

import { canChoose, type ProductOption } from "@/lib/variants";

interface Choosable {
  optionValues: string[];
  stock: number;
}

/**
 * One group of radio buttons per option. A value whose combination with the other choices is sold out (or not
 * sold) is shown, struck through and disabled: it cannot be chosen. Arrow keys move between the others.
 */
export function VariantPicker({
  options,
  variants,
  chosen,
  onChoose,
}: {
  options: ProductOption[];
  variants: Choosable[];
  chosen: string[];
  onChoose: (option: number, value: string) => void;
}) {
  return (
    <div className="space-y-4">
      {options.map((option, i) => (
        <fieldset key={option.name}>
          <legend className="text-sm font-medium">
            {option.name}: <span className="font-normal text-muted">{chosen[i]}</span>
          </legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {option.values.map((value) => {
              const checked = chosen[i] === value;
              const available = checked || canChoose(variants, chosen, i, value);
              return (
                <label
                  key={value}
                  className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm has-focus-visible:ring-2 has-focus-visible:ring-brand-600 has-focus-visible:ring-offset-2 ${
                    checked
                      ? "border border-ink bg-brand-50 font-semibold ring-1 ring-ink"
                      : available
                        ? "cursor-pointer border border-line-input bg-surface hover:border-ink"
                        : "cursor-not-allowed border border-dashed border-line-input bg-stone-50 text-muted line-through"
                  }`}
                >
                  <input
                    type="radio"
                    name={`option-${i}`}
                    value={value}
                    checked={checked}
                    disabled={!available}
                    onChange={() => onChoose(i, value)}
                    className="sr-only"
                  />
                  {value}
                  {!available && <span className="sr-only"> (sold out)</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
