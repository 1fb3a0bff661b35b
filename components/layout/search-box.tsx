"use client";

import { MagnifyingGlassIcon } from "@heroicons/react/24/outline";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useId, useRef, useState } from "react";

interface Suggestion {
  slug: string;
  name: string;
  price: string;
}

const DEBOUNCE_MS = 200;

/**
 * The header's search: a plain GET form to /search (works without JavaScript), enhanced into an ARIA 1.2
 * combobox with suggestions while typing. Arrow keys move through them, Enter opens one (or searches),
 * Escape closes the list; the number of suggestions is announced.
 */
/** "overlay": the suggestions float over the page (the header); "inline": they push down what follows (a sheet). */
type ListPlacement = "overlay" | "inline";

export function SearchBox({ list = "overlay" }: { list?: ListPlacement }) {
  // The URL's query is only known in the browser on cached pages: until then the box starts empty.
  return (
    <Suspense fallback={<SearchCombobox initialQuery="" list={list} />}>
      <SearchBoxFromUrl list={list} />
    </Suspense>
  );
}

/** On the search page the box shows what was searched for. */
function SearchBoxFromUrl({ list }: { list: ListPlacement }) {
  const pathname = usePathname();
  const query = useSearchParams().get("q") ?? "";
  const shown = pathname === "/search" ? query : "";
  return <SearchCombobox key={shown} initialQuery={shown} list={list} />;
}

function SearchCombobox({ initialQuery, list }: { initialQuery: string; list: ListPlacement }) {
  const router = useRouter();
  // The header and the phone's search sheet each have a box: ids of their own.
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [fetched, setFetched] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    const words = query.trim();
    // Nothing typed yet (the search page's own query): no suggestions to offer.
    if (words.length < 2 || query === initialQuery) {
      request.current?.abort();
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(words)}`, {
          signal: controller.signal,
        });
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setFetched(body.suggestions);
        setActive(-1);
        setOpen(true);
      } catch {
        // Aborted by newer typing, or offline: the form still searches on Enter.
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, initialQuery]);

  const typed = query.trim().length >= 2;
  const suggestions = typed ? fetched : [];
  const expanded = open && typed;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    router.push(`/products/${suggestion.slug}`);
  };

  return (
    <form action="/search" role="search" className="relative w-full">
      <label htmlFor={inputId} className="sr-only">
        Search products
      </label>
      <MagnifyingGlassIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-muted" />
      <input
        id={inputId}
        name="q"
        type="search"
        placeholder="Search products"
        maxLength={80}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => suggestions.length > 0 && setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && suggestions.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index + 1) % suggestions.length);
          } else if (event.key === "ArrowUp" && suggestions.length > 0) {
            event.preventDefault();
            setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
          } else if (event.key === "Enter" && expanded && active >= 0) {
            event.preventDefault();
            choose(suggestions[active]!);
          } else if (event.key === "Escape" && expanded) {
            event.preventDefault();
            setOpen(false);
            setActive(-1);
          }
        }}
        className="h-11 w-full rounded-control border border-line-input bg-surface pr-3 pl-10 text-base lg:h-10 lg:text-sm [&::-webkit-search-cancel-button]:appearance-none"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded || suggestions.length === 0}
        className={`${list === "overlay" ? "absolute z-20 shadow-drawer" : ""} mt-1 w-full overflow-hidden rounded-card border border-line bg-surface text-sm`}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.slug}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(suggestion)}
            className={`flex min-h-11 cursor-pointer items-center justify-between gap-3 px-3 py-2 ${index === active ? "bg-brand-50" : ""}`}
          >
            <span>{suggestion.name}</span>
            <span className="whitespace-nowrap text-muted tabular-nums">{suggestion.price}</span>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {expanded ? (suggestions.length === 0 ? "No suggestions" : `${suggestions.length} suggestions`) : ""}
      </p>
    </form>
  );
}
