import { AUDIT_ACTION_CODES, AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_TARGET_TYPES } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/read";
import { statusLabel } from "@/lib/format";

const input = "rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm";
const label = "text-xs font-medium text-stone-700";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked, shared and exported. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form
      method="get"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-8"
    >
      <label className={`col-span-2 ${label}`}>
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={`mt-1 block w-full ${input}`}>
          <option value="">Any</option>
          {AUDIT_ACTION_CODES.map((code) => (
            <option key={code} value={code}>
              {AUDIT_ACTIONS[code]}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Outcome
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={`mt-1 block w-full ${input}`}>
          <option value="">Any</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Who
        <input
          name="actor"
          defaultValue={filters.actor}
          placeholder="E-mail"
          className={`mt-1 block w-full ${input}`}
        />
      </label>
      <label className={label}>
        Target
        <select name="targetType" defaultValue={filters.targetType ?? ""} className={`mt-1 block w-full ${input}`}>
          <option value="">Any</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {statusLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Target id
        <input
          name="target"
          defaultValue={filters.target}
          placeholder="KC-…, a product id…"
          className={`mt-1 block w-full ${input}`}
        />
      </label>
      <label className={label}>
        From
        <input type="date" name="from" defaultValue={filters.from} className={`mt-1 block w-full ${input}`} />
      </label>
      <label className={label}>
        To
        <input type="date" name="to" defaultValue={filters.to} className={`mt-1 block w-full ${input}`} />
      </label>
      <div className="col-span-2 flex items-end gap-3 sm:col-span-4 lg:col-span-8">
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
        <a href="/admin/audit" className="text-sm text-brand-700 underline">
          Clear filters
        </a>
      </div>
    </form>
  );
}
