// The unit scorecard: every unit side by side on service (SLA compliance, median processing time),
// public satisfaction (IKM), attendance and e-Kinerja filled on time, each with its rank, and an overall
// rank that is the mean of the component ranks — so the evaluation can be explained component by
// component. A component is ranked only on enough cases (ranking.ts; IKM: ikm.ts), equal values share a
// rank, and only a unit ranked on every component gets an overall rank.
import {
  ELEMENTS,
  ikmFromSums,
  ikmSample,
  ikmShown,
  IKM_MIN_RESPONDENTS_DEFAULT,
  scoresOf,
  type Grade,
} from "@/lib/domain/ikm";
import { competitionRanks, RANK_MINIMUMS, type RankMinimums } from "@/lib/domain/ranking";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { ResolvedPeriod } from "../period";
import { UNIT_FILTER, type Scope } from "@/server/clickhouse/scope";
import { slaCompliance } from "./kpi";

export const COMPONENTS = ["sla", "processing", "ikm", "attendance", "ekinerja"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ScorecardRow {
  unitId: string;
  values: Record<Component, number | null>;
  /** Null where the unit has no value or too few cases for that component. */
  ranks: Record<Component, number | null>;
  /** The rank is shared with another unit ("=1"). */
  tied: Record<Component, boolean>;
  /** A value stands on too few cases to be ranked (shown, but not placed). */
  tooFew: Record<Component, boolean>;
  completed: number;
  respondents: number;
  personDays: number;
  dueEntries: number;
  grade: Grade | null;
  /** Mean of the component ranks; only for a unit ranked on every component. */
  overall: number | null;
  overallRank: number | null;
  overallTied: boolean;
}

export interface Scorecard {
  rows: ScorecardRow[];
  /** The minimums the ranks were held to (shown with the rule on the page). */
  minimums: RankMinimums & { respondents: number };
}

/** Higher is better for all but processing time. */
const HIGHER_IS_BETTER: Record<Component, boolean> = {
  sla: true,
  processing: false,
  ikm: true,
  attendance: true,
  ekinerja: true,
};

export async function scorecard(
  ch: ClickHouse,
  period: ResolvedPeriod,
  scope: Scope,
  ikmRule: { floor: number; populationByUnit: Map<string, number> } = {
    floor: IKM_MIN_RESPONDENTS_DEFAULT,
    populationByUnit: new Map(),
  },
  minimums: RankMinimums = RANK_MINIMUMS,
): Promise<Scorecard> {
  const params = { unit: scope.unitId ?? "", from: period.current.from, to: period.current.to };
  const where = (day: string) => `${day} BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER}`;
  const rows = await ch.query<{ k: string; unit_id: string; v: number[] }>(
    `SELECT 'req' AS k, unit_id, [toFloat64(sum(completed)), toFloat64(sum(breached)), toFloat64(ifNotFinite(quantilesTimingMerge(0.5, 0.9)(processing_wd_q)[1], 0))] AS v
FROM rollup_request_daily WHERE ${where("day")} GROUP BY unit_id
UNION ALL
SELECT 'att', unit_id, [toFloat64(sum(due)), toFloat64(sum(present))] FROM rollup_attendance_daily WHERE ${where("day")} GROUP BY unit_id
UNION ALL
SELECT 'ek', unit_id, [toFloat64(sum(due)), toFloat64(sum(on_time))] FROM rollup_ekinerja_due WHERE ${where("period")} GROUP BY unit_id
UNION ALL
SELECT 'ikm', unit_id, [toFloat64(sum(respondents)), ${ELEMENTS.map((e) => `toFloat64(sum(${e.toLowerCase()}))`).join(", ")}] FROM rollup_survey_daily WHERE ${where("day")} GROUP BY unit_id`,
    params,
  );
  return { rows: rankUnits(rows, ikmRule, minimums), minimums: { ...minimums, respondents: ikmRule.floor } };
}

const perComponent = <T>(v: T): Record<Component, T> => ({ sla: v, processing: v, ikm: v, attendance: v, ekinerja: v });

/** The ranking itself, from the per-unit sums (exported for its test). */
export function rankUnits(
  rows: { k: string; unit_id: string; v: number[] }[],
  ikmRule: { floor: number; populationByUnit: Map<string, number> },
  min: RankMinimums,
): ScorecardRow[] {
  const byUnit = new Map<string, ScorecardRow>();
  const row = (unitId: string) => {
    let r = byUnit.get(unitId);
    if (!r) {
      r = {
        unitId,
        values: perComponent<number | null>(null),
        ranks: perComponent<number | null>(null),
        tied: perComponent(false),
        tooFew: perComponent(false),
        completed: 0,
        respondents: 0,
        personDays: 0,
        dueEntries: 0,
        grade: null,
        overall: null,
        overallRank: null,
        overallTied: false,
      };
      byUnit.set(unitId, r);
    }
    return r;
  };
  // requests first: the IKM sample's population is the unit's completed requests
  const order = (k: string) => (k === "req" ? 0 : 1);
  for (const { k, unit_id, v } of [...rows].sort((a, b) => order(a.k) - order(b.k))) {
    const r = row(unit_id);
    const n = v.map(Number);
    if (k === "req" && n[0]! > 0) {
      r.completed = n[0]!;
      r.values.sla = slaCompliance(n[0]!, n[1]!);
      r.values.processing = n[2]!;
      r.tooFew.sla = r.tooFew.processing = r.completed < min.completedRequests;
    } else if (k === "att" && n[0]! > 0) {
      r.personDays = n[0]!;
      r.values.attendance = n[1]! / n[0]!;
      r.tooFew.attendance = r.personDays < min.personDays;
    } else if (k === "ek" && n[0]! > 0) {
      r.dueEntries = n[0]!;
      r.values.ekinerja = n[1]! / n[0]!;
      r.tooFew.ekinerja = r.dueEntries < min.dueEntries;
    } else if (k === "ikm" && n[0]! > 0) {
      const result = ikmFromSums(
        scoresOf((_, i) => n[i + 1]!),
        n[0]!,
      );
      // too few answers: no value at all (as everywhere IKM is shown), so nothing to rank
      const shown = ikmShown(
        ikmSample(result.respondents, r.completed || (ikmRule.populationByUnit.get(unit_id) ?? null), ikmRule.floor),
      );
      r.values.ikm = shown ? result.converted : null;
      r.respondents = result.respondents;
      r.grade = shown ? result.grade : null;
      r.tooFew.ikm = !shown;
    }
  }
  const all = [...byUnit.values()];
  for (const c of COMPONENTS) {
    const placed = competitionRanks(
      all.map((r) => (r.tooFew[c] ? null : r.values[c])),
      HIGHER_IS_BETTER[c],
    );
    all.forEach((r, i) => {
      r.ranks[c] = placed[i]?.rank ?? null;
      r.tied[c] = placed[i]?.tied ?? false;
    });
  }
  // an overall rank only for a unit placed on every component: a unit ranked on IKM alone is not first
  for (const r of all)
    r.overall = COMPONENTS.every((c) => r.ranks[c] !== null)
      ? COMPONENTS.reduce((a, c) => a + r.ranks[c]!, 0) / COMPONENTS.length
      : null;
  const overall = competitionRanks(
    all.map((r) => r.overall),
    false,
  );
  all.forEach((r, i) => {
    r.overallRank = overall[i]?.rank ?? null;
    r.overallTied = overall[i]?.tied ?? false;
  });
  const ordered = all
    .filter((r) => r.overall !== null)
    .sort((a, b) => a.overall! - b.overall! || a.unitId.localeCompare(b.unitId));
  // the rest: most components placed first
  const placedCount = (r: ScorecardRow) => COMPONENTS.filter((c) => r.ranks[c] !== null).length;
  const rest = all
    .filter((r) => r.overall === null)
    .sort((a, b) => placedCount(b) - placedCount(a) || a.unitId.localeCompare(b.unitId));
  return [...ordered, ...rest];
}
