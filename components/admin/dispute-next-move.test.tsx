import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { DisputeNextMove } from "./dispute-next-move";

describe("the dispute page's next move", () => {
  it('says Cashfree\'s after the evidence was submitted, with what happens next (it said "yours")', () => {
    const html = renderToStaticMarkup(
      <DisputeNextMove
        dispute={{ status: "CHARGEBACK_DOCS_RECEIVED", respondBy: new Date("2026-12-10T18:29:00Z") }}
        overdue={false}
      />,
    );
    expect(html).toContain("Cashfree&#x27;s move");
    expect(html).not.toContain("Your move");
    expect(html).toContain("you can still add documents until 10 Dec 2026, 11:59 pm");
  });
});
