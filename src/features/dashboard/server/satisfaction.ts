// Public satisfaction (IKM) for a period: per service and per unit with grade, respondents and whether
// they reach the recommended sample; the nine element means with the weakest one; IKM over time; the
// respondents' profile. From the survey rollup and facts in ClickHouse. The people each group served (for
// the sample size) are its requests completed in the period, else what its service points declare; a group
// with too few respondents (ikm.ts, ikmSample) has no value, grade or weakest element.
import {
  ELEMENTS,
  ikmFromSums,
  ikmSample,
  ikmShown,
  IKM_MIN_RESPONDENTS_DEFAULT,
  scoresOf,
  type Element,
  type Grade,
  type IkmResult,
  type IkmStanding,
} from "@/lib/domain/ikm";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { Db } from "@/server/db/client";
import { bucketFor, bucketPartial, bucketStartSql, type ResolvedPeriod } from "../period";
import { SERVICE_FILTER, UNIT_FILTER, type Scope } from "@/server/clickhouse/scope";

export interface IkmRow {
  id: string;
  respondents: number;
  ikm: number | null;
  grade: Grade | null;
  weakest: Element | null;
  /** Recommended respondents for the population served (Krejcie–Morgan); null when the population is unknown. */
  sample: number | null;
  sampleReached: boolean | null;
  /** People served in the period; null when unknown. */
  population: number | null;
  /** Respondents needed for any value to show (ikm, grade and weakest are null below it). */
  minimum: number;
  standing: IkmStanding;
}

export interface SatisfactionView {
  overall: IkmRow;
  elements: { element: Element; nrr: number | null }[];
  byService: IkmRow[];
  byUnit: IkmRow[];
  bucket: "week" | "month";
  /** IKM per bucket; null where too few answered. */
  overTime: { start: string; partial: boolean; respondents: number; ikm: number | null }[];
  profile: { field: "gender" | "age_group" | "education" | "occupation"; value: string; respondents: number }[];
  complaints: number;
  suggestions: number;
  /** Least respondents when the population is unknown (the setting the rows were judged by). */
  floor: number;
}

const SUMS = `sum(respondents) AS n, ${ELEMENTS.map((e) => `sum(${e.toLowerCase()}) AS ${e.toLowerCase()}`).join(", ")}, sum(complaints) AS complaints, sum(suggestions) AS suggestions`;
type SumRow = { n: number; complaints: number; suggestions: number } & Record<string, number | string>;

/** IKM of a row of sums (respondents n, u1…u9). */
const ikmOfRow = (r: SumRow): IkmResult =>
  ikmFromSums(
    scoresOf((e) => Number(r[e.toLowerCase()] ?? 0)),
    Number(r.n),
  );

function ikmRow(id: string, result: IkmResult, population: number | null, floor: number): IkmRow {
  const s = ikmSample(result.respondents, population, floor);
  const shown = ikmShown(s);
  return {
    id,
    respondents: result.respondents,
    ikm: shown ? result.converted : null,
    grade: shown ? result.grade : null,
    weakest: shown ? result.weakest : null,
    sample: s.population === null ? null : s.required,
    sampleReached: s.population === null ? null : s.standing === "sufficient",
    population: s.population,
    minimum: s.minimum,
    standing: s.standing,
  };
}

export async function satisfactionView(
  ch: ClickHouse,
  period: ResolvedPeriod,
  scope: Scope,
  populationByUnit: Map<string, number>,
  floor = IKM_MIN_RESPONDENTS_DEFAULT,
): Promise<SatisfactionView> {
  const bucket = bucketFor(period.current);
  const params = {
    unit: scope.unitId ?? "",
    service: scope.serviceTypeId ?? "",
    from: period.current.from,
    to: period.current.to,
  };
  const where = `day BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER} AND ${SERVICE_FILTER}`;
  const startOf = bucketStartSql(bucket, "day");
  const [overall, byService, byUnit, overTime, profile, served] = await Promise.all([
    ch.query<SumRow>(`SELECT ${SUMS} FROM rollup_survey_daily WHERE ${where}`, params),
    ch.query<SumRow & { id: string }>(
      `SELECT service_type_id AS id, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY id`,
      params,
    ),
    ch.query<SumRow & { id: string }>(
      `SELECT unit_id AS id, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY id`,
      params,
    ),
    ch.query<SumRow & { start: string }>(
      `SELECT ${startOf} AS start, ${SUMS} FROM rollup_survey_daily WHERE ${where} GROUP BY start ORDER BY start`,
      params,
    ),
    ch.query<{ field: SatisfactionView["profile"][number]["field"]; value: string; n: number }>(
      `SELECT field, value, count() AS n FROM fact_survey_response
       ARRAY JOIN ['gender', 'age_group', 'education', 'occupation'] AS field, [gender, age_group, education, occupation] AS value
       WHERE ${where} GROUP BY field, value ORDER BY field, value`,
      params,
    ),
    // requests completed in the period: the people each group served (overall, per service, unit, bucket)
    ch.query<{ k: string; id: string; n: number }>(
      `SELECT 'all' AS k, '' AS id, sum(completed) AS n FROM rollup_request_daily WHERE ${where}
       UNION ALL SELECT 'service', service_type_id, sum(completed) FROM rollup_request_daily WHERE ${where} GROUP BY service_type_id
       UNION ALL SELECT 'unit', unit_id, sum(completed) FROM rollup_request_daily WHERE ${where} GROUP BY unit_id
       UNION ALL SELECT 'bucket', ${startOf} AS start, sum(completed) FROM rollup_request_daily WHERE ${where} GROUP BY start`,
      params,
    ),
  ]);
  const completed = new Map(served.map((r) => [`${r.k}:${r.id}`, Number(r.n)]));
  /** Completed requests, else the declared population, else unknown. */
  const people = (key: string, declared: number | null) => (completed.get(key) || declared) ?? null;
  const all = overall[0] ?? ({ n: 0, complaints: 0, suggestions: 0 } as SumRow);
  const scopePopulation = [...populationByUnit.values()].reduce((a, b) => a + b, 0) || null;
  const allIkm = ikmOfRow(all);
  const overallRow = ikmRow("all", allIkm, people("all:", scopePopulation), floor);
  const byIkm = (a: IkmRow, b: IkmRow) => (b.ikm ?? -1) - (a.ikm ?? -1) || a.id.localeCompare(b.id);
  return {
    overall: overallRow,
    elements: ELEMENTS.map((e) => ({ element: e, nrr: overallRow.ikm === null ? null : allIkm.elements[e] })),
    byService: byService.map((r) => ikmRow(r.id, ikmOfRow(r), people(`service:${r.id}`, null), floor)).sort(byIkm),
    byUnit: byUnit
      .map((r) => ikmRow(r.id, ikmOfRow(r), people(`unit:${r.id}`, populationByUnit.get(r.id) ?? null), floor))
      .sort(byIkm),
    bucket,
    overTime: overTime.map((r) => {
      const x = ikmRow(r.start, ikmOfRow(r), people(`bucket:${r.start}`, null), floor);
      return {
        start: r.start,
        partial: bucketPartial(bucket, r.start, period.current),
        respondents: x.respondents,
        ikm: x.ikm,
      };
    }),
    profile: profile.map((p) => ({ field: p.field, value: p.value, respondents: Number(p.n) })),
    complaints: Number(all.complaints ?? 0),
    suggestions: Number(all.suggestions ?? 0),
    floor,
  };
}

// Read on every overview, scorecard and satisfaction call, changed a few times a year: each web instance
// keeps it for POPULATION_CACHE_MS, and this instance forgets it at once when a service point is saved.
const POPULATION_CACHE_MS = 60_000;
const populationCache = new WeakMap<Db, { at: number; population: Map<string, number> }>();

/** After a service point is created or changed: the next read sees it. */
export function forgetDeclaredPopulation(db: Db) {
  populationCache.delete(db);
}

/** The people each unit's active service points say they serve (master data): the population where no completed requests tell it. */
export async function declaredPopulation(db: Db): Promise<Map<string, number>> {
  const hit = populationCache.get(db);
  if (hit && Date.now() - hit.at < POPULATION_CACHE_MS) return new Map(hit.population);
  const points = await db.servicePoint.findMany({
    where: { active: true, population: { not: null } },
    select: { unitId: true, population: true },
  });
  const population = new Map<string, number>();
  for (const p of points) population.set(p.unitId, (population.get(p.unitId) ?? 0) + (p.population ?? 0));
  populationCache.set(db, { at: Date.now(), population });
  return new Map(population);
}
