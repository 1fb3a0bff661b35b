import Link from "next/link";

export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-stone-600">The page you asked for does not exist or has moved.</p>
      <Link
        href="/"
        className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Back to the shop
      </Link>
    </div>
  );
}
