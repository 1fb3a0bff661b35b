import Markdown from "react-markdown";

/**
 * Merchant-written Markdown, rendered safely: react-markdown builds React elements (no HTML string), leaves raw
 * HTML such as `<script>` as text (no rehype-raw), and its URL filter drops `javascript:` and other unsafe links.
 */
export function PolicyMarkdown({ source }: { source: string }) {
  return (
    <div className="space-y-3 leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6">
      <Markdown>{source}</Markdown>
    </div>
  );
}
