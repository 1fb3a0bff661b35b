import { describe, expect, it } from "vitest";

import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvRow(["a,b", 'say "hi"', "line\nbreak", null, 5])).toBe('"a,b","say ""hi""","line\nbreak",,5\r\n');
  });

  it("defuses spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+91 98765")).toBe("'+91 98765");
    expect(csvCell("-1+1")).toBe("'-1+1");
  });

  it("leaves negative amounts as numbers (a settlement's refund adjustment)", () => {
    expect(csvCell("-40.00")).toBe("-40.00");
    expect(csvCell(-5)).toBe("-5");
  });
});
