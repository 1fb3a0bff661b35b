import type { ReactNode } from "react";

import { formatInr } from "@/lib/money";

/** A column heading; `numeric` ones (amounts, counts) are right-aligned like their cells. */
export type Column = string | { label: string; numeric?: boolean; className?: string };

/** Right-aligned columns, for amounts and counts: `columns={["Order", ...numeric("Amount", "Tax")]}`. */
export const numeric = (...labels: string[]): Column[] => labels.map((label) => ({ label, numeric: true }));

/**
 * A table's header row, the same in every admin table: each cell is a column header (`scope="col"`, so a screen
 * reader names the column for every cell below it). `cellClassName` spaces the cells; a column's own `className`
 * replaces it for that column.
 */
export function TableHead({
  columns,
  className,
  cellClassName,
}: {
  columns: Column[];
  className: string;
  cellClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => {
          const { label, numeric, className: own } = typeof column === "string" ? { label: column } : column;
          const classes = [own ?? cellClassName, numeric && "text-right", "font-medium"].filter(Boolean).join(" ");
          return (
            <th key={label} scope="col" className={classes}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * An admin list: a white card that scrolls sideways on a narrow screen, with its header row, then `children` (the
 * body's rows); `empty` is said across the whole width when there are none.
 */
export function AdminTable({
  columns,
  empty,
  children,
}: {
  columns: Column[];
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <TableHead columns={columns} className="bg-stone-50 text-left text-stone-600" cellClassName="px-3 py-2" />
        <tbody>
          {children}
          {empty && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-stone-600">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** An AdminTable cell with an amount and, when it is more than nothing, another beneath ("refunded ₹250.00"). */
export function AmountCell({
  paise,
  also: [label, alsoPaise],
  nowrap = false,
}: {
  paise: number;
  also: [label: string, paise: number];
  nowrap?: boolean;
}) {
  return (
    <td className={nowrap ? "px-3 py-2 text-right whitespace-nowrap" : "px-3 py-2 text-right"}>
      {formatInr(paise)}
      {alsoPaise > 0 && (
        <span className="block text-xs text-stone-500">
          {label} {formatInr(alsoPaise)}
        </span>
      )}
    </td>
  );
}
