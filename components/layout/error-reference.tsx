/**
 * The reference an error page shows: the digest Next.js gives a server error, which the server logged together
 * with the request id (instrumentation.ts), so support can find the request from what the shopper quotes. A
 * browser-side error has no digest, and nothing was logged to find.
 */
export function ErrorReference({ digest }: { digest?: string }) {
  if (!digest) return null;
  return (
    <p className="text-sm text-stone-500">
      Reference <code className="font-mono text-stone-700">{digest}</code>: quote it if you contact us about this.
    </p>
  );
}
