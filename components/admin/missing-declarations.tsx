/**
 * Which Legal Metrology declarations a product lacks (lib/declarations.ts): products from before the declarations
 * existed have none until the owner fills them in. The shop still sells them; this says what the page is missing.
 */
export function MissingDeclarations({ missing }: { missing: string[] }) {
  if (missing.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="Missing declarations"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">Missing declarations: {missing.join(", ")}</p>
      <p>
        The Legal Metrology (Packaged Commodities) Rules 2011 (rule 6(10)) ask the product page to show these for
        pre-packaged goods. Fill them in below, or untick “Sold pre-packaged” if it is not.
      </p>
    </div>
  );
}
