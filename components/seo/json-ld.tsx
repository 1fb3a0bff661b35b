/**
 * Structured data for search engines. `<` is escaped so text from the catalog can never close the script tag
 * (a product named "</script><script>…" stays data).
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
