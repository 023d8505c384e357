import { describe, expect, it } from "vitest";
import { competitionRanks } from "./ranking";

describe("competition ranking", () => {
  it("gives equal values one rank and skips the next (1, 1, 3), leaving out what has no value", () => {
    expect(competitionRanks([0.9, 1, null, 1, 0.8], true)).toEqual([
      { rank: 3, tied: false },
      { rank: 1, tied: true },
      null,
      { rank: 1, tied: true },
      { rank: 4, tied: false },
    ]);
    // lower is better (processing time)
    expect(competitionRanks([5, 3, 3], false).map((p) => p?.rank)).toEqual([3, 1, 1]);
    expect(competitionRanks([], true)).toEqual([]);
  });
});
