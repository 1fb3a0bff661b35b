import { type OrderFilters, ORDER_SORTS, PAYMENT_GROUPS } from "@/lib/admin/order-filters";
import { statusLabel } from "@/lib/format";
import { ORDER_STATUSES } from "@/lib/orders/transitions";

const input = "rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and exported. */
export function OrderFilterForm({ filters }: { filters: OrderFilters }) {
  return (
    <form
      method="get"
      className="grid grid-cols-2 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-8"
      aria-label="Filter orders"
    >
      <label className="col-span-2 text-xs font-medium text-stone-700">
        Search
        <input
          name="q"
          defaultValue={filters.q}
          placeholder="Order id, email or phone"
          className={`mt-1 block w-full ${input}`}
        />
      </label>
      <label className="text-xs font-medium text-stone-700">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={`mt-1 block w-full ${input}`}>
          <option value="">Any</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-stone-700">
        Payment method
        <select name="method" defaultValue={filters.method ?? ""} className={`mt-1 block w-full ${input}`}>
          <option value="">Any</option>
          {PAYMENT_GROUPS.map((m) => (
            <option key={m} value={m}>
              {statusLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-stone-700">
        From
        <input type="date" name="from" defaultValue={filters.from} className={`mt-1 block w-full ${input}`} />
      </label>
      <label className="text-xs font-medium text-stone-700">
        To
        <input type="date" name="to" defaultValue={filters.to} className={`mt-1 block w-full ${input}`} />
      </label>
      <label className="text-xs font-medium text-stone-700">
        Min ₹
        <input
          type="number"
          name="min"
          min={0}
          step="0.01"
          defaultValue={filters.min !== undefined ? filters.min / 100 : undefined}
          className={`mt-1 block w-full ${input}`}
        />
      </label>
      <label className="text-xs font-medium text-stone-700">
        Max ₹
        <input
          type="number"
          name="max"
          min={0}
          step="0.01"
          defaultValue={filters.max !== undefined ? filters.max / 100 : undefined}
          className={`mt-1 block w-full ${input}`}
        />
      </label>
      <label className="text-xs font-medium text-stone-700">
        Sort
        <select name="sort" defaultValue={filters.sort} className={`mt-1 block w-full ${input}`}>
          {ORDER_SORTS.map((s) => (
            <option key={s} value={s}>
              {s.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <button
          type="submit"
          className="w-full rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
      </div>
    </form>
  );
}
