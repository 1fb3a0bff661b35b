import { NET_QUANTITY_UNITS, unitLabel } from "@/lib/declarations";

import { SelectField, TextField } from "./form-field";

/** A pack as the forms show it: rupees and quantities as typed text. */
export interface PackValues {
  sku: string;
  priceRupees: string;
  mrpRupees: string;
  netQuantity: string;
  netQuantityUnit: string;
}

/**
 * SKU, price, MRP and net quantity: the details form's (a product sold as one item, or a new one) and each row of
 * the variants form. `id` keeps a row's error messages apart (`<id>.price`); the details form has none.
 */
export function PackFields({
  values,
  errors,
  id,
}: {
  values?: PackValues;
  errors: Record<string, string>;
  id?: string;
}) {
  const key = (name: string) => (id ? `${id}.${name}` : name);
  const errorId = (name: string) => `${key(name)}-error`;
  return (
    <>
      <TextField
        label="Price (₹)"
        name="price"
        inputMode="decimal"
        required
        defaultValue={values?.priceRupees}
        error={errors[key("price")]}
        errorId={errorId("price")}
      />
      <TextField
        label="MRP (₹)"
        name="mrp"
        inputMode="decimal"
        defaultValue={values?.mrpRupees}
        error={errors[key("mrp")]}
        errorId={errorId("mrp")}
      />
      <TextField
        label="Net quantity"
        name="netQuantity"
        inputMode="decimal"
        defaultValue={values?.netQuantity}
        error={errors[key("netQuantity")]}
        errorId={errorId("netQuantity")}
        placeholder="250"
      />
      <SelectField
        label="Unit"
        name="netQuantityUnit"
        defaultValue={values?.netQuantityUnit || "g"}
        error={errors[key("netQuantityUnit")]}
        errorId={errorId("netQuantityUnit")}
      >
        {NET_QUANTITY_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {unitLabel(unit)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={values ? "SKU" : "SKU (optional: the slug in capitals)"}
        className={id ? "" : "col-span-2"}
        name="sku"
        required={!!values}
        defaultValue={values?.sku}
        error={errors[key("sku")]}
        errorId={errorId("sku")}
      />
    </>
  );
}
