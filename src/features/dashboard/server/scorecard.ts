// The unit scorecard: every unit side by side on service (SLA compliance, median processing time),
// public satisfaction (IKM), attendance and e-Kinerja filled on time, each with its rank, and an overall
// rank that is the mean of the component ranks — so the evaluation can be explained component by
// component. Units without data for a component are not ranked on it.
import { ELEMENTS, ikmFromSums, ikmSample, ikmShown, IKM_MIN_RESPONDENTS_DEFAULT, scoresOf, type Grade } from "@/lib/domain/ikm";
import type { ClickHouse } from "@/server/clickhouse/types";
import type { ResolvedPeriod } from "../period";
import { slaCompliance, UNIT_FILTER, type Scope } from "./kpi";

export const COMPONENTS = ["sla", "processing", "ikm", "attendance", "ekinerja"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ScorecardRow {
  unitId: string;
  values: Record<Component, number | null>;
  ranks: Record<Component, number | null>;
  completed: number;
  respondents: number;
  grade: Grade | null;
  overall: number | null;
  overallRank: number | null;
}

/** Higher is better for all but processing time. */
const HIGHER_IS_BETTER: Record<Component, boolean> = { sla: true, processing: false, ikm: true, attendance: true, ekinerja: true };

export async function scorecard(ch: ClickHouse, period: ResolvedPeriod, scope: Scope, ikmRule: { floor: number; populationByUnit: Map<string, number> } = { floor: IKM_MIN_RESPONDENTS_DEFAULT, populationByUnit: new Map() }): Promise<ScorecardRow[]> {
  const params = { unit: scope.unitId ?? "", from: period.current.from, to: period.current.to };
  const where = (day: string) => `${day} BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER}`;
  const rows = await ch.query<{ k: string; unit_id: string; v: number[] }>(
    `SELECT 'req' AS k, unit_id, [toFloat64(sum(completed)), toFloat64(sum(breached)), toFloat64(ifNotFinite(quantilesTimingMerge(0.5, 0.9)(processing_wd_q)[1], 0))] AS v
FROM rollup_request_daily WHERE ${where("day")} GROUP BY unit_id
UNION ALL
SELECT 'att', unit_id, [toFloat64(sum(due)), toFloat64(sum(present))] FROM rollup_attendance_daily WHERE ${where("day")} GROUP BY unit_id
UNION ALL
SELECT 'ek', unit_id, [toFloat64(sum(due)), toFloat64(sum(on_time))] FROM rollup_ekinerja_daily WHERE ${where("period")} GROUP BY unit_id
UNION ALL
SELECT 'ikm', unit_id, [toFloat64(sum(respondents)), ${ELEMENTS.map((e) => `toFloat64(sum(${e.toLowerCase()}))`).join(", ")}] FROM rollup_survey_daily WHERE ${where("day")} GROUP BY unit_id`,
    params,
  );
  return rank(rows, ikmRule);
}

function rank(rows: { k: string; unit_id: string; v: number[] }[], ikmRule: { floor: number; populationByUnit: Map<string, number> }): ScorecardRow[] {
  const byUnit = new Map<string, ScorecardRow>();
  const row = (unitId: string) => {
    let r = byUnit.get(unitId);
    if (!r) {
      r = {
        unitId,
        values: { sla: null, processing: null, ikm: null, attendance: null, ekinerja: null },
        ranks: { sla: null, processing: null, ikm: null, attendance: null, ekinerja: null },
        completed: 0,
        respondents: 0,
        grade: null,
        overall: null,
        overallRank: null,
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
    } else if (k === "att" && n[0]! > 0) r.values.attendance = n[1]! / n[0]!;
    else if (k === "ek" && n[0]! > 0) r.values.ekinerja = n[1]! / n[0]!;
    else if (k === "ikm" && n[0]! > 0) {
      const result = ikmFromSums(scoresOf((_, i) => n[i + 1]!), n[0]!);
      const shown = ikmShown(ikmSample(result.respondents, r.completed || (ikmRule.populationByUnit.get(unit_id) ?? null), ikmRule.floor));
      r.values.ikm = shown ? result.converted : null;
      r.respondents = result.respondents;
      r.grade = shown ? result.grade : null;
    }
  }
  const all = [...byUnit.values()];
  for (const c of COMPONENTS) {
    const ranked = all.filter((r) => r.values[c] !== null).sort((a, b) => (HIGHER_IS_BETTER[c] ? b.values[c]! - a.values[c]! : a.values[c]! - b.values[c]!));
    // equal values share a rank (1, 2, 2, 4)
    ranked.forEach((r, i) => (r.ranks[c] = i > 0 && ranked[i - 1]!.values[c] === r.values[c] ? ranked[i - 1]!.ranks[c] : i + 1));
  }
  for (const r of all) {
    const ranks = COMPONENTS.map((c) => r.ranks[c]).filter((x): x is number => x !== null);
    r.overall = ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : null;
  }
  const ordered = all.filter((r) => r.overall !== null).sort((a, b) => a.overall! - b.overall! || a.unitId.localeCompare(b.unitId));
  ordered.forEach((r, i) => (r.overallRank = i > 0 && ordered[i - 1]!.overall === r.overall ? ordered[i - 1]!.overallRank : i + 1));
  return [...ordered, ...all.filter((r) => r.overall === null)];
}
