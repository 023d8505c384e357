// Small-cell suppression for published tables. Primary: a cell covering fewer than MIN_CELL people is
// hidden. Complementary: where a table's cells add up to a published total, the hidden cells together
// must cover at least MIN_CELL people and be at least two — otherwise the total minus the visible cells
// gives the hidden one away — so the smallest visible cells are hidden too until that holds.

export interface Countable {
  /** People or responses the cell covers (its true count, before hiding). */
  n: number;
}

/** The indexes of the cells to hide. `withTotal`: the cells add up to a total that is published. */
export function cellsToHide(cells: readonly Countable[], minCell: number, withTotal: boolean): Set<number> {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.n < minCell) hidden.add(i);
  });
  if (!withTotal) return hidden;
  const hiddenPeople = () => [...hidden].reduce((a, i) => a + cells[i]!.n, 0);
  const visibleBySize = cells
    .map((c, i) => ({ n: c.n, i }))
    .filter((c) => !hidden.has(c.i))
    .sort((a, b) => a.n - b.n || a.i - b.i);
  // a lone hidden cell, or hidden cells covering 1–4 people, can be recovered from the total
  while (
    hiddenPeople() > 0 &&
    (hiddenPeople() < minCell || [...hidden].filter((i) => cells[i]!.n > 0).length < 2) &&
    visibleBySize.length > 0
  ) {
    hidden.add(visibleBySize.shift()!.i);
  }
  return hidden;
}
