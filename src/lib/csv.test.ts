import { describe, expect, it } from "vitest";
import { csvOf } from "./csv";

describe("CSV for Excel set to Indonesian", () => {
  it("starts with a BOM, separates with semicolons, ends lines with CRLF", () => {
    expect(
      csvOf([
        ["a", "b"],
        [1, 2],
      ]),
    ).toBe("\ufeffa;b\r\n1;2\r\n");
  });
  // the formula ="…" holds quotes, so it arrives quoted; Excel unquotes the field, then keeps the digits as text
  it("writes decimal commas and keeps a NIP as text", () => {
    expect(csvOf([[54.54545, { excelText: "198703152010011002" }]])).toBe(
      '\ufeff54,54545;"=""198703152010011002"""\r\n',
    );
  });
  it("quotes separators, quotes and line breaks, and empty for null", () => {
    expect(csvOf([['Jl. "Merdeka"; 1', "a\nb", null, undefined]])).toBe('\ufeff"Jl. ""Merdeka""; 1";"a\nb";;\r\n');
  });
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvOf([["=SUM(A1)", "+62", "-", "@x"]])).toBe("\ufeff'=SUM(A1);'+62;'-;'@x\r\n");
  });
});
