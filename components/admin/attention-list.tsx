import type { ReactNode } from "react";

/** One kind of thing on the "Needs attention" page: a titled card listing them, or saying there are none. */
export function AttentionList<T>({
  label,
  title,
  items,
  empty,
  listClassName = "space-y-1 text-sm",
  children,
}: {
  label: string;
  title: ReactNode;
  items: T[];
  empty: string;
  listClassName?: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-label={label} className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <ul className={listClassName}>{items.map(children)}</ul>
      )}
    </section>
  );
}
