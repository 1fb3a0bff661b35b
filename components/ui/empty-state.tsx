import type { ComponentType, ReactNode, SVGProps } from "react";

/**
 * What a shop shows when there is nothing to show: an icon in a soft circle, a heading, one sentence, and ways on
 * (Dawn snippets/cart-drawer.liquid's empty cart, vercel/commerce components/cart/modal.tsx). `headingLevel` keeps
 * the page's outline: 1 when the state is the page, 2 inside one.
 */
export function EmptyState({
  icon: Icon,
  title,
  headingLevel = 2,
  children,
  actions,
}: {
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  title: string;
  headingLevel?: 1 | 2;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-10 text-center">
      <span className="flex size-16 items-center justify-center rounded-full bg-brand-50 text-brand-700">
        <Icon aria-hidden="true" className="size-8" />
      </span>
      <Heading className={headingLevel === 1 ? "text-2xl font-semibold" : "text-lg font-semibold"}>{title}</Heading>
      {children && <div className="text-muted">{children}</div>}
      {actions && <div className="mt-2 flex flex-wrap items-center justify-center gap-3">{actions}</div>}
    </div>
  );
}

/** The empty states' main way on, and the shop's primary button look. */
export const primaryButton =
  "inline-flex h-12 items-center justify-center gap-2 rounded-control bg-accent px-6 font-semibold text-white hover:bg-accent-hover";
export const secondaryButton =
  "inline-flex h-12 items-center justify-center gap-2 rounded-control border border-line-input bg-surface px-6 font-semibold text-ink hover:bg-stone-100";
