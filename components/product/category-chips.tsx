import Link from "next/link";

import { categorySlug } from "@/lib/products";

/** The categories as pills: the way on from an empty cart, an empty search and the home page's hero. */
export function CategoryChips({ categories, label }: { categories: string[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap justify-center gap-2">
        {categories.map((category) => (
          <li key={category}>
            <Link
              href={`/categories/${categorySlug(category)}`}
              className="inline-flex min-h-11 items-center rounded-full border border-line-input bg-surface px-4 text-sm font-medium text-brand-800 hover:bg-brand-50"
            >
              {category}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
