import Link from "next/link";

/** "← Disputes": the way back from a detail page to its list. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-brand-700 underline">
        ← {children}
      </Link>
    </p>
  );
}
