import { describe, expect, it } from "vitest";
import {
  ELEMENTS,
  gradeOf,
  ikm,
  ikmFromSums,
  ikmSample,
  IKM_MIN_RESPONDENTS_DEFAULT,
  sampleReached,
  sampleSize,
  type Scores,
} from "./ikm";

const all = (n: number) => Object.fromEntries(ELEMENTS.map((e) => [e, n])) as Scores;
/** Sums whose total is `total`, spread over the nine elements as evenly as integers allow. */
function spread(total: number): Scores {
  const base = Math.floor(total / 9);
  return Object.fromEntries(ELEMENTS.map((e, i) => [e, base + (i < total - base * 9 ? 1 : 0)])) as Scores;
}

describe("IKM (PermenPAN-RB 14/2017)", () => {
  it("works a small survey through by hand", () => {
    // Four respondents. Element sums: U1 14, U2 13, U3 10, U4 16, U5 12, U6 14, U7 15, U8 11, U9 13 = 118.
    const r: Scores[] = [
      { U1: 4, U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 },
      { U1: 3, U2: 4, U3: 3, U4: 4, U5: 3, U6: 3, U7: 4, U8: 2, U9: 4 },
      { U1: 4, U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 3, U8: 3, U9: 3 },
      { U1: 3, U2: 3, U3: 3, U4: 4, U5: 3, U6: 3, U7: 4, U8: 3, U9: 3 },
    ];
    const result = ikm(r);
    expect(result.respondents).toBe(4);
    expect(result.elements.U1).toBe(3.5);
    expect(result.elements.U3).toBe(2.5);
    // IKM = Σ NRR / 9 = (118 / 4) / 9 = 3.2777…; × 25 = 81.94 → B
    expect(result.value).toBeCloseTo(118 / 36, 12);
    expect(result.converted).toBeCloseTo((118 / 36) * 25, 12);
    expect(result.grade).toBe("B");
    expect(result.weakest).toBe("U3");
  });

  it("spans 25 to 100", () => {
    expect(ikm([all(4), all(4)])).toMatchObject({ value: 4, converted: 100, grade: "A" });
    expect(ikm([all(1)])).toMatchObject({ value: 1, converted: 25, grade: "D" });
    expect(ikm([])).toMatchObject({ respondents: 0, value: null, converted: null, grade: null, weakest: null });
  });

  it("puts every grade boundary on the right side", () => {
    // With 2,500 respondents a total of 9 × 2,500 × NRR hits the regulation's NRR bounds exactly.
    const at = (total: number) => ikmFromSums(spread(total), 2500);
    expect(at(79479)).toMatchObject({ grade: "A" }); // NRR 3.5324 = 88.31
    expect(at(79478).grade).toBe("B"); // 88.3089
    expect(at(68949).grade).toBe("B"); // NRR 3.0644 = 76.61
    expect(at(68948).grade).toBe("C"); // 76.6089
    expect(at(58500).grade).toBe("C"); // NRR 2.60 = 65.00
    expect(at(58499).grade).toBe("D"); // 64.9989
    expect(at(79479).converted).toBeCloseTo(88.31, 10);
    expect([
      gradeOf(100),
      gradeOf(88.31),
      gradeOf(88.3),
      gradeOf(76.61),
      gradeOf(76.6),
      gradeOf(65),
      gradeOf(64.99),
      gradeOf(25),
    ]).toEqual(["A", "A", "B", "B", "C", "C", "D", "D"]);
  });

  it("gives the Krejcie–Morgan sample size and says whether it is reached", () => {
    expect([sampleSize(100), sampleSize(1000), sampleSize(1_000_000)]).toEqual([80, 278, 384]);
    expect(sampleSize(10)).toBe(10);
    expect(sampleSize(0)).toBe(0);
    expect(sampleReached(79, 100)).toBe(false);
    expect(sampleReached(80, 100)).toBe(true);
    expect(sampleReached(5, null)).toBeNull();
  });

  it("tells too few respondents apart: the floor without a population, the Krejcie–Morgan sample with one", () => {
    expect(IKM_MIN_RESPONDENTS_DEFAULT).toBe(30);
    expect(ikmSample(0, null).standing).toBe("none");
    // two answers and nothing known about who was served: not enough to grade
    expect(ikmSample(2, null)).toEqual({
      respondents: 2,
      population: null,
      required: 30,
      minimum: 30,
      standing: "insufficient",
    });
    expect(ikmSample(30, null).standing).toBe("sufficient");
    // 1,000 served: 278 needed; 100 answers are a provisional value, 29 too few
    expect(ikmSample(100, 1000)).toMatchObject({ required: 278, minimum: 30, standing: "provisional" });
    expect(ikmSample(29, 1000).standing).toBe("insufficient");
    expect(ikmSample(278, 1000).standing).toBe("sufficient");
    // a small population: the table asks for all ten, but ten answers are still under the floor
    expect(ikmSample(10, 10)).toMatchObject({ required: 30, minimum: 30, standing: "insufficient" });
    expect(ikmSample(10, 10, 10).standing).toBe("sufficient");
    expect(ikmSample(2, 2).standing).toBe("insufficient"); // "Mutu A · 2 responden" no more
    // the floor is a setting
    expect(ikmSample(12, null, 10).standing).toBe("sufficient");
    expect(ikmSample(12, 0, 20).population).toBeNull();
  });
});
