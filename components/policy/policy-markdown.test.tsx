import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { PolicyMarkdown } from "./policy-markdown";

describe("policy Markdown", () => {
  it("renders headings, lists and links", () => {
    const html = renderToStaticMarkup(
      <PolicyMarkdown source={"## Returns\n\n- within 7 days\n\n[Write to us](mailto:orders@kaveri.example)"} />,
    );
    expect(html).toContain("<h2>Returns</h2>");
    expect(html).toContain("<li>within 7 days</li>");
    expect(html).toContain('href="mailto:orders@kaveri.example"');
  });

  it("shows an injected script as text and drops a javascript: link", () => {
    const html = renderToStaticMarkup(
      <PolicyMarkdown
        source={'<script>alert("owned")</script>\n\n[click me](javascript:alert(1)) <img src=x onerror=alert(1)>'}
      />,
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
