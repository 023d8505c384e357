// Service performance for a period: per service type and per unit (counts, median and p90 working days,
// SLA compliance, returns), the processing-time distribution, SLA compliance over time, where requests
// wait (time spent in each status) and the slowest open requests. Rollups for the aggregates, the open
// requests of the latest backlog snapshot for the slowest; the distribution reads the finished requests of
// the period (one row per request, sorted by unit and day).
import type { ClickHouse } from "@/server/clickhouse/types";
import { daysPastDeadline } from "@/lib/domain/sla";
import { dayNumber, type WorkCalendar } from "@/lib/domain/working-days";
import { bucketFor, bucketPartial, bucketStartSql, type ResolvedPeriod } from "../period";
import { SERVICE_FILTER, UNIT_FILTER, type Scope } from "@/server/clickhouse/scope";
import { slaCompliance, type RequestCounts } from "./kpi";

export interface PerformanceRow extends RequestCounts {
  id: string;
  slaCompliance: number | null;
}

export interface ServicePerformance {
  byService: PerformanceRow[];
  byUnit: PerformanceRow[];
  /** Completed requests by working days taken (the last bucket holds everything from `cap` up). */
  histogram: { days: number; requests: number }[];
  cap: number;
  /** One point per week (periods up to two months) or per month. */
  /** `partial`: the bucket holds only part of its week or month (cut by the period). */
  overTime: { start: string; partial: boolean; completed: number; breached: number; slaCompliance: number | null }[];
  bucket: "week" | "month";
  stages: { stage: string; transitions: number; meanDays: number }[];
  slowestOpen: {
    number: string;
    serviceTypeId: string;
    unitId: string;
    submittedDay: string;
    dueDay: string;
    overdueDays: number;
  }[];
}

const HISTOGRAM_CAP = 40;

/** `calendar`: the region's working days, for the days past deadline (src/lib/domain/sla.ts). */
export async function servicePerformance(
  ch: ClickHouse,
  period: ResolvedPeriod,
  scope: Scope,
  today: string,
  calendar: WorkCalendar,
): Promise<ServicePerformance> {
  const { from, to } = period.current;
  const bucket = bucketFor(period.current);
  const params = { unit: scope.unitId ?? "", service: scope.serviceTypeId ?? "", from, to, today, cap: HISTOGRAM_CAP };
  const where = `day BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER} AND ${SERVICE_FILTER}`;
  const perf = (
    key: string,
  ) => `SELECT ${key} AS id, sum(completed) AS completed, sum(rejected) AS rejected, sum(breached) AS breached, sum(returned) AS returned,
      arrayMap(x -> toUInt64(ifNotFinite(x, 0)), quantilesTimingMerge(0.5, 0.9)(processing_wd_q)) AS q
    FROM rollup_request_daily WHERE ${where} GROUP BY id ORDER BY id`;
  type PerfRow = { id: string; completed: number; rejected: number; breached: number; returned: number; q: number[] };
  const [byService, byUnit, histogram, overTime, stages, slowest] = await Promise.all([
    ch.query<PerfRow>(perf("service_type_id"), params),
    ch.query<PerfRow>(perf("unit_id"), params),
    ch.query<{ days: number; requests: number }>(
      `SELECT least(processing_wd, {cap:UInt16}) AS days, count() AS requests FROM fact_request_done
       WHERE outcome = 'COMPLETED' AND ${where} GROUP BY days ORDER BY days`,
      params,
    ),
    ch.query<{ start: string; completed: number; breached: number }>(
      `SELECT ${bucketStartSql(bucket, "day")} AS start, sum(completed) AS completed, sum(breached) AS breached
       FROM rollup_request_daily WHERE ${where} GROUP BY start ORDER BY start`,
      params,
    ),
    ch.query<{ stage: string; transitions: number; wd: number }>(
      `SELECT stage, sum(transitions) AS transitions, sum(stage_wd_sum) AS wd FROM rollup_request_stage_daily WHERE ${where} GROUP BY stage ORDER BY wd DESC`,
      params,
    ),
    // open at the latest backlog snapshot (taken after every run that changed requests), oldest SLA deadline first
    ch.query<{ number: string; service_type_id: string; unit_id: string; sub: string; due: string }>(
      `SELECT number, service_type_id, unit_id, toString(submitted_day) AS sub, toString(sla_due_day) AS due FROM open_request_snapshot
       WHERE snapshot = (SELECT max(snapshot) FROM backlog_snapshot) AND ${UNIT_FILTER} AND ${SERVICE_FILTER}
       ORDER BY sla_due_day, number LIMIT 20`,
      params,
    ),
  ]);
  const row = (r: PerfRow): PerformanceRow => {
    const completed = Number(r.completed);
    const breached = Number(r.breached);
    return {
      id: r.id,
      completed,
      rejected: Number(r.rejected),
      breached,
      returned: Number(r.returned),
      p50: completed ? Number(r.q[0]) : null,
      p90: completed ? Number(r.q[1]) : null,
      slaCompliance: slaCompliance(completed, breached),
    };
  };
  return {
    byService: byService.map(row),
    byUnit: byUnit.map(row),
    histogram: histogram.map((h) => ({ days: Number(h.days), requests: Number(h.requests) })),
    cap: HISTOGRAM_CAP,
    overTime: overTime.map((o) => {
      const completed = Number(o.completed);
      const breached = Number(o.breached);
      return {
        start: o.start,
        partial: bucketPartial(bucket, o.start, period.current),
        completed,
        breached,
        slaCompliance: slaCompliance(completed, breached),
      };
    }),
    bucket,
    stages: stages.map((s) => ({
      stage: s.stage,
      transitions: Number(s.transitions),
      meanDays: Number(s.transitions) ? Number(s.wd) / Number(s.transitions) : 0,
    })),
    slowestOpen: slowest.map((s) => ({
      number: s.number,
      serviceTypeId: s.service_type_id,
      unitId: s.unit_id,
      submittedDay: s.sub,
      dueDay: s.due,
      overdueDays: daysPastDeadline(calendar, dayNumber(s.due), dayNumber(today)),
    })),
  };
}
