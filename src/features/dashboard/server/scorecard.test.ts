// The scorecard's ranking rule on the cases the issue found: a unit first on IKM alone from two answers,
// and many units tied on attendance in a month.
import { describe, expect, it } from "vitest";
import { RANK_MINIMUMS } from "@/lib/domain/ranking";
import { rankUnits } from "./scorecard";

const rule = { floor: 30, populationByUnit: new Map<string, number>() };
/** Survey sums for n respondents all answering `score`. */
const ikm = (unit: string, n: number, score: number) => ({
  k: "ikm",
  unit_id: unit,
  v: [n, ...Array(9).fill(n * score)],
});
const req = (unit: string, completed: number, breached: number, p50: number) => ({
  k: "req",
  unit_id: unit,
  v: [completed, breached, p50],
});
const att = (unit: string, due: number, present: number) => ({ k: "att", unit_id: unit, v: [due, present] });
const ek = (unit: string, due: number, onTime: number) => ({ k: "ek", unit_id: unit, v: [due, onTime] });
const full = (unit: string, present: number) => [
  req(unit, 40, 4, 5),
  att(unit, 400, present),
  ek(unit, 100, 90),
  ikm(unit, 60, 3),
];

describe("scorecard ranking", () => {
  it("does not rank a unit first on IKM alone from two answers, nor overall on part of the card", () => {
    const rows = rankUnits([ikm("tiny", 2, 4), ...full("a", 390), ...full("b", 380)], rule, RANK_MINIMUMS);
    const tiny = rows.find((r) => r.unitId === "tiny")!;
    expect(tiny).toMatchObject({ overall: null, overallRank: null, grade: null, respondents: 2 });
    expect(tiny.ranks.ikm).toBeNull();
    expect(tiny.tooFew.ikm).toBe(true);
    expect(rows.map((r) => [r.unitId, r.overallRank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["tiny", null],
    ]);
    // a and b tie on everything but attendance: IKM =1 for both
    expect(rows[0]!.ranks.ikm).toBe(1);
    expect(rows[0]!.tied.ikm && rows[1]!.tied.ikm).toBe(true);
  });

  it("shows equal rates as one shared rank and skips the next (1, 1, 3); small units are not ranked", () => {
    const units = Array.from({ length: 13 }, (_, i) => att(`u${String(i).padStart(2, "0")}`, 200, 200));
    const rows = rankUnits([...units, att("lower", 200, 190), att("small", 40, 40)], rule, RANK_MINIMUMS);
    const at = (id: string) => rows.find((r) => r.unitId === id)!;
    for (const u of units) expect([at(u.unit_id).ranks.attendance, at(u.unit_id).tied.attendance]).toEqual([1, true]);
    expect([at("lower").ranks.attendance, at("lower").tied.attendance]).toEqual([14, false]);
    // 40 person-days: the value is shown, but it is not placed
    expect(at("small")).toMatchObject({
      values: { attendance: 1 },
      ranks: { attendance: null },
      tooFew: { attendance: true },
    });
    expect(rows.every((r) => r.overallRank === null)).toBe(true);
  });

  it("ranks the overall mean with ties too", () => {
    const rows = rankUnits([...full("a", 390), ...full("b", 390), ...full("c", 300)], rule, RANK_MINIMUMS);
    expect(rows.map((r) => [r.unitId, r.overallRank, r.overallTied])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, false],
    ]);
  });
});
