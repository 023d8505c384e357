import { describe, expect, it } from "vitest";
import { cellsToHide } from "./suppress";

const n = (...xs: number[]) => xs.map((x) => ({ n: x }));
const hide = (xs: number[], withTotal = true) => [...cellsToHide(n(...xs), 5, withTotal)].sort();

describe("small-cell suppression", () => {
  it("hides cells under five", () => {
    expect(hide([40, 3, 12], false)).toEqual([1]);
    expect(hide([40, 12], true)).toEqual([]);
  });

  it("hides one more cell when the total would give a lone hidden cell away", () => {
    // 43 in all, 40 and 3: the 3 could be computed from the total, so the 40 goes too
    expect(hide([40, 3])).toEqual([0, 1]);
    expect(hide([40, 3, 12])).toEqual([1, 2]);
  });

  it("keeps hiding until the hidden cells cover at least five people in two cells", () => {
    expect(hide([1, 1, 30, 8, 20])).toEqual([0, 1, 3]);
    expect(hide([2, 3, 30])).toEqual([0, 1]); // 2 + 3 = 5 people in two cells: safe
  });

  it("leaves empty cells alone: nothing to reveal", () => {
    expect(hide([0, 0, 30, 8])).toEqual([0, 1]);
  });
});
