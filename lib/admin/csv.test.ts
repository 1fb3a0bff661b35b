import { describe, expect, it } from "vitest";

import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvRow(["a,b", 'say "hi"', "line\nbreak", null, 5])).toBe('"a,b","say ""hi""","line\nbreak",,5\r\n');
  });

  it("defuses spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+91 98765")).toBe("'+91 98765");
  });
});
