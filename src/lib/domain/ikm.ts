// Indeks Kepuasan Masyarakat (IKM), PermenPAN-RB 14/2017: nine elements (unsur) each answered 1–4.
// Element mean NRR = sum of scores / respondents; IKM = Σ NRR × 1/9 (the weight is exactly 1/9), and
// ×25 for the 25–100 scale. Grades: A 88.31–100 (sangat baik), B 76.61–88.30 (baik), C 65.00–76.60
// (kurang baik), D 25.00–64.99 (tidak baik). Every IKM is reported with its respondent count and
// whether that count reaches the Krejcie–Morgan sample size for the population served.

export const ELEMENTS = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"] as const;
export type Element = (typeof ELEMENTS)[number];
export type Scores = Record<Element, number>;

export type Grade = "A" | "B" | "C" | "D";

export interface IkmResult {
  respondents: number;
  /** Element means (NRR) on 1–4; null for an element nobody answered. */
  elements: Record<Element, number | null>;
  /** IKM on 1–4 and converted to 25–100; null without respondents. */
  value: number | null;
  converted: number | null;
  grade: Grade | null;
  /** The element with the lowest mean: where service should improve first. */
  weakest: Element | null;
}

/**
 * Grade of a converted IKM (25–100). The regulation's intervals are written with two decimals; a value
 * between them (76.605) belongs to the lower grade until it reaches the next one's lower bound.
 */
export function gradeOf(converted: number): Grade {
  const v = Math.round(converted * 1e6) / 1e6; // 88.31 computed as 3.5324 × 25 must stay 88.31
  if (v >= GRADE_FLOOR.A) return "A";
  if (v >= GRADE_FLOOR.B) return "B";
  if (v >= GRADE_FLOOR.C) return "C";
  return "D";
}

/** The lowest converted IKM of each grade above D (PermenPAN-RB 14/2017), also drawn on IKM charts. */
export const GRADE_FLOOR = { A: 88.31, B: 76.61, C: 65 } as const;

export const GRADE_LABEL: Record<Grade, { id: string; en: string }> = {
  A: { id: "Sangat baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Kurang baik", en: "Poor" },
  D: { id: "Tidak baik", en: "Very poor" },
};

/** The nine elements' values, each from `of` (e.g. the columns u1…u9 of a row, or an array after a count). */
export function scoresOf(of: (element: Element, index: number) => number): Scores {
  return Object.fromEntries(ELEMENTS.map((e, i) => [e, of(e, i)])) as Scores;
}

/** From per-element sums and the respondent count (what the analytics store keeps). */
export function ikmFromSums(sums: Scores, respondents: number): IkmResult {
  const elements = Object.fromEntries(
    ELEMENTS.map((e) => [e, respondents > 0 ? sums[e] / respondents : null]),
  ) as Record<Element, number | null>;
  if (respondents === 0) return { respondents, elements, value: null, converted: null, grade: null, weakest: null };
  // Σ NRR × 1/9, summed first so that equal scores give exactly their value (4, not 3.999…)
  const value = ELEMENTS.reduce((total, e) => total + (elements[e] as number), 0) / 9;
  const converted = value * 25;
  let weakest: Element = "U1";
  for (const e of ELEMENTS) if ((elements[e] as number) < (elements[weakest] as number)) weakest = e;
  return { respondents, elements, value, converted, grade: gradeOf(converted), weakest };
}

/** From individual responses (each with all nine scores 1–4). */
export function ikm(responses: readonly Scores[]): IkmResult {
  const sums = scoresOf(() => 0);
  for (const r of responses) for (const e of ELEMENTS) sums[e] += r[e];
  return ikmFromSums(sums, responses.length);
}

/**
 * Krejcie–Morgan sample size for a population of N: S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), with
 * χ² = 3.841, P = 0.5, d = 0.05, rounded up (N=100 → 80, 1,000 → 278, 1,000,000 → 384).
 */
export function sampleSize(population: number): number {
  if (population <= 0) return 0;
  const chi = 3.841;
  const p = 0.5;
  const d = 0.05;
  const s = (chi * population * p * (1 - p)) / (d * d * (population - 1) + chi * p * (1 - p));
  return Math.ceil(s - 1e-9);
}

/** Whether the respondents reach the recommended sample for the population served (unknown: null). */
export function sampleReached(respondents: number, population: number | null): boolean | null {
  return population === null || population <= 0 ? null : respondents >= sampleSize(population);
}

/**
 * How far a group's respondents can be trusted: the Krejcie–Morgan sample for its population when the
 * population is known (PermenPAN-RB 14/2017, Lampiran, penentuan besaran sampel: the sample size is read
 * from the Krejcie and Morgan table), the floor otherwise. The regulation sets no floor of its own;
 * a region sets one (IKM_MIN_RESPONDENTS, default below).
 * - none: nobody answered;
 * - insufficient: fewer than the floor: the value is not shown, no grade, no comparison ("data belum
 *   cukup"). The floor holds even where the table asks for fewer (N=3 → 3): the people served are a
 *   proxy (walk-in respondents are not requests), and a grade from three answers swings a band per answer;
 * - provisional: at least the floor but short of the sample for a known population: shown as provisional;
 * - sufficient: the sample is reached (or, with the population unknown, the floor is).
 */
export type IkmStanding = "none" | "insufficient" | "provisional" | "sufficient";

/**
 * Default floor when the population is unknown: 30 respondents, the usual least sample for a mean to be
 * read with the normal approximation (a setting: IKM_MIN_RESPONDENTS).
 */
export const IKM_MIN_RESPONDENTS_DEFAULT = 30;

export interface IkmSample {
  respondents: number;
  /** People served in the period (completed requests, or the service points' declared count); null: unknown. */
  population: number | null;
  /** Respondents needed for a value that is not provisional. */
  required: number;
  /** Respondents needed for a value to be shown at all. */
  minimum: number;
  standing: IkmStanding;
}

export function ikmSample(
  respondents: number,
  population: number | null,
  floor = IKM_MIN_RESPONDENTS_DEFAULT,
): IkmSample {
  const known = population !== null && population > 0 ? population : null;
  const required = known === null ? floor : Math.max(floor, sampleSize(known));
  const minimum = floor;
  const standing: IkmStanding =
    respondents <= 0
      ? "none"
      : respondents < minimum
        ? "insufficient"
        : respondents < required
          ? "provisional"
          : "sufficient";
  return { respondents, population: known, required, minimum, standing };
}

/** Whether a value may be shown (provisionally or not). */
export const ikmShown = (s: Pick<IkmSample, "standing">) => s.standing === "provisional" || s.standing === "sufficient";
