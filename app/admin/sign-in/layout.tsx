import Link from "next/link";

/** Signing in stands on its own: the shop's name over a centred card, none of the shop's or the admin's chrome. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-stone-50 px-4 py-10">
      <Link href="/" className="mb-6 text-xl font-semibold tracking-tight text-brand-800">
        Kaveri &amp; Co.
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-stone-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
