// Public satisfaction (IKM) for a period: per service and per unit with grade, respondents and whether
// they reach the recommended sample; the nine element means with the weakest one; IKM over time; the
// respondents' profile. From the survey rollup and facts in ClickHouse; the population each unit serves
// (for the sample size) is master data from its service points.
import { ELEMENTS, ikmFromSums, sampleReached, sampleSize, scoresOf, type Element, type Grade, type IkmResult } from "@/lib/domain/ikm";
import type { ClickHouse } from "@/server/clickhouse/types";
import { bucketFor, type ResolvedPeriod } from "../period";
import { SERVICE_FILTER, UNIT_FILTER, type Scope } from "./kpi";

export interface IkmRow {
  id: string;
  respondents: number;
  ikm: number | null;
  grade: Grade | null;
  weakest: Element | null;
  /** Recommended respondents for the population served (Krejcie–Morgan); null when the population is unknown. */
  sample: number | null;
  sampleReached: boolean | null;
}

export interface SatisfactionView {
  overall: IkmRow;
  elements: { element: Element; nrr: number | null }[];
  byService: IkmRow[];
  byUnit: IkmRow[];
  bucket: "week" | "month";
  overTime: { start: string; respondents: number; ikm: number | null }[];
  profile: { field: "gender" | "age_group" | "education" | "occupation"; value: string; respondents: number }[];
  complaints: number;
  suggestions: number;
}

const SUMS = `sum(respondents) AS n, ${ELEMENTS.map((e) => `sum(${e.toLowerCase()}) AS ${e.toLowerCase()}`).join(", ")}, sum(complaints) AS complaints, sum(suggestions) AS suggestions`;
type SumRow = { n: number; complaints: number; suggestions: number } & Record<string, number | string>;

/** IKM of a row of sums (respondents n, u1…u9). */
const ikmOfRow = (r: SumRow): IkmResult => ikmFromSums(scoresOf((e) => Number(r[e.toLowerCase()] ?? 0)), Number(r.n));

function ikmRow(id: string, result: IkmResult, population: number | null): IkmRow {
  return {
    id,
    respondents: result.respondents,
    ikm: result.converted,
    grade: result.grade,
    weakest: result.weakest,
    sample: population ? sampleSize(population) : null,
    sampleReached: sampleReached(result.respondents, population),
  };
}

export async function satisfactionView(ch: ClickHouse, period: ResolvedPeriod, scope: Scope, populationByUnit: Map<string, number>): Promise<SatisfactionView> {
  const bucket = bucketFor(period.current);
  const params = { unit: scope.unitId ?? "", service: scope.serviceTypeId ?? "", from: period.current.from, to: period.current.to };
  const where = `day BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER} AND ${SERVICE_FILTER}`;
  const [overall, byService, byUnit, overTime, profile] = await Promise.all([
    ch.query<SumRow>(`SELECT ${SUMS} FROM rollup_survey_daily WHERE ${where}`, params),
    ch.query<SumRow & { id: string }>(`SELECT service_type_id AS id, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY id`, params),
    ch.query<SumRow & { id: string }>(`SELECT unit_id AS id, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY id`, params),
    ch.query<SumRow & { start: string }>(
      `SELECT toString(${bucket === "week" ? "toMonday(day)" : "toStartOfMonth(day)"}) AS start, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY start ORDER BY start`,
      params,
    ),
    ch.query<{ field: SatisfactionView["profile"][number]["field"]; value: string; n: number }>(
      `SELECT field, value, count() AS n FROM fact_survey_response
       ARRAY JOIN ['gender', 'age_group', 'education', 'occupation'] AS field, [gender, age_group, education, occupation] AS value
       WHERE ${where} GROUP BY field, value ORDER BY field, value`,
      params,
    ),
  ]);
  const all = overall[0] ?? ({ n: 0, complaints: 0, suggestions: 0 } as SumRow);
  const scopePopulation = [...populationByUnit.values()].reduce((a, b) => a + b, 0) || null;
  const allIkm = ikmOfRow(all);
  const byIkm = (a: IkmRow, b: IkmRow) => (b.ikm ?? -1) - (a.ikm ?? -1) || a.id.localeCompare(b.id);
  return {
    overall: ikmRow("all", allIkm, scopePopulation),
    elements: ELEMENTS.map((e) => ({ element: e, nrr: allIkm.elements[e] })),
    byService: byService.map((r) => ikmRow(r.id, ikmOfRow(r), null)).sort(byIkm),
    byUnit: byUnit.map((r) => ikmRow(r.id, ikmOfRow(r), populationByUnit.get(r.id) ?? null)).sort(byIkm),
    bucket,
    overTime: overTime.map((r) => {
      const x = ikmOfRow(r);
      return { start: r.start, respondents: x.respondents, ikm: x.converted };
    }),
    profile: profile.map((p) => ({ field: p.field, value: p.value, respondents: Number(p.n) })),
    complaints: Number(all.complaints ?? 0),
    suggestions: Number(all.suggestions ?? 0),
  };
}
