// The leaders' KPIs, read from ClickHouse's per-unit-per-day rollups (and, for the backlog, the latest
// state of each request). Every query takes the three compared ranges at once (current, previous, same
// period last year) with -If aggregates, so a tile costs one scan, not three.
import type { ClickHouse } from "@/server/clickhouse/types";
import { monthsOf, type ResolvedPeriod } from "../period";

export interface Scope {
  /** A unit and all its sub-units; undefined: the whole region. */
  unitId?: string;
  /** Request KPIs only. */
  serviceTypeId?: string;
}

/** Units in scope, from ClickHouse's own copy of the unit tree (each unit keeps its ancestors in `path`). */
const UNIT_FILTER = `({unit:String} = '' OR unit_id IN (
  SELECT unit_id FROM dim_unit GROUP BY unit_id HAVING has(argMax(path, version), {unit:String})))`;
const SERVICE_FILTER = `({service:String} = '' OR service_type_id = {service:String})`;

const RANGES = ["current", "previous", "lastYear"] as const;
type RangeName = (typeof RANGES)[number];

function rangeParams(p: ResolvedPeriod, scope: Scope) {
  const params: Record<string, string> = { unit: scope.unitId ?? "", service: scope.serviceTypeId ?? "" };
  RANGES.forEach((name, i) => {
    params[`f${i}`] = p[name].from;
    params[`t${i}`] = p[name].to;
  });
  params.tf = p.trend.from;
  params.tt = p.trend.to;
  params.lo = [p.current.from, p.previous.from, p.lastYear.from].sort()[0]!;
  params.hi = [p.current.to, p.previous.to, p.lastYear.to].sort()[2]!;
  return params;
}

/** `sumIf(x, day BETWEEN …) AS x0, … x2` for every listed column. */
function perRange(columns: readonly string[], dayColumn: string, agg = (col: string, cond: string) => `sumIf(${col}, ${cond})`) {
  return RANGES.flatMap((_, i) => columns.map((c) => `${agg(c, `${dayColumn} BETWEEN {f${i}:Date} AND {t${i}:Date}`)} AS ${c}${i}`)).join(",\n  ");
}

type Row = Record<string, number | number[] | string>;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export interface Kpi {
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** One value per month of the trend range (null: nothing to measure that month). */
  trend: (number | null)[];
}

export interface RequestCounts {
  completed: number;
  rejected: number;
  breached: number;
  returned: number;
  p50: number | null;
  p90: number | null;
}

export interface Overview {
  period: ResolvedPeriod;
  months: string[];
  requests: Record<RangeName, RequestCounts>;
  attendance: Record<RangeName, { due: number; present: number; late: number; absentTk: number }>;
  ekinerja: Record<RangeName, { due: number; onTime: number; late: number; missing: number }>;
  backlog: Record<RangeName, { open: number; overdue: number }>;
  kpis: {
    completed: Kpi;
    processingP50: Kpi;
    processingP90: Kpi;
    slaCompliance: Kpi;
    backlog: Kpi;
    overdue: Kpi;
    attendanceRate: Kpi;
    latenessRate: Kpi;
    absenceTkRate: Kpi;
    ekinerjaFillRate: Kpi;
  };
  /** Whether any analytics data exists in scope at all (an empty install shows what to do instead). */
  hasData: boolean;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Quantiles of an empty set come back as 0 from ClickHouse: no completed requests means no value. */
const quantile = (q: unknown, count: number, i: number) => (count > 0 && Array.isArray(q) ? Number(q[i]) : null);

export async function overview(ch: ClickHouse, period: ResolvedPeriod, scope: Scope, timezone: string): Promise<Overview> {
  const params = rangeParams(period, scope);
  const months = monthsOf(period.trend);
  const where = (dayColumn: string, service = false) =>
    `${dayColumn} BETWEEN {lo:Date} AND {hi:Date} AND ${UNIT_FILTER}${service ? ` AND ${SERVICE_FILTER}` : ""}`;
  const trendWhere = (dayColumn: string, service = false) =>
    `${dayColumn} BETWEEN {tf:Date} AND {tt:Date} AND ${UNIT_FILTER}${service ? ` AND ${SERVICE_FILTER}` : ""}`;

  const [req, reqTrend, att, attTrend, ek, ekTrend, backlog] = await Promise.all([
    ch.query<Row>(
      `SELECT ${perRange(["completed", "rejected", "breached", "returned"], "day")},
  ${RANGES.map((_, i) => `quantilesTimingMergeIf(0.5, 0.9)(processing_wd_q, day BETWEEN {f${i}:Date} AND {t${i}:Date}) AS q${i}`).join(",\n  ")}
FROM rollup_request_daily WHERE ${where("day", true)}`,
      params,
    ),
    ch.query<Row>(
      `SELECT toString(toStartOfMonth(day)) AS month, sum(completed) AS completed, sum(breached) AS breached,
  quantilesTimingMerge(0.5, 0.9)(processing_wd_q) AS q
FROM rollup_request_daily WHERE ${trendWhere("day", true)} GROUP BY month`,
      params,
    ),
    ch.query<Row>(`SELECT ${perRange(["due", "present", "late", "absent_tk"], "day")} FROM rollup_attendance_daily WHERE ${where("day")}`, params),
    ch.query<Row>(
      `SELECT toString(toStartOfMonth(day)) AS month, sum(due) AS due, sum(present) AS present, sum(late) AS late, sum(absent_tk) AS absent_tk
FROM rollup_attendance_daily WHERE ${trendWhere("day")} GROUP BY month`,
      params,
    ),
    ch.query<Row>(`SELECT ${perRange(["due", "on_time", "late", "missing"], "period")} FROM rollup_ekinerja_daily WHERE ${where("period")}`, params),
    ch.query<Row>(
      `SELECT toString(toStartOfMonth(period)) AS month, sum(due) AS due, sum(on_time) AS on_time
FROM rollup_ekinerja_daily WHERE ${trendWhere("period")} GROUP BY month`,
      params,
    ),
    backlogAt(ch, [period.current.to, period.previous.to, period.lastYear.to, ...months.map((m, i) => (i === months.length - 1 ? period.trend.to : lastDayOf(m)))], scope, timezone),
  ]);

  const r = req[0] ?? {};
  const requests = Object.fromEntries(
    RANGES.map((name, i) => {
      const completed = num(r[`completed${i}`]);
      return [
        name,
        {
          completed,
          rejected: num(r[`rejected${i}`]),
          breached: num(r[`breached${i}`]),
          returned: num(r[`returned${i}`]),
          p50: quantile(r[`q${i}`], completed, 0),
          p90: quantile(r[`q${i}`], completed, 1),
        },
      ];
    }),
  ) as Record<RangeName, RequestCounts>;
  const a = att[0] ?? {};
  const attendance = Object.fromEntries(
    RANGES.map((name, i) => [name, { due: num(a[`due${i}`]), present: num(a[`present${i}`]), late: num(a[`late${i}`]), absentTk: num(a[`absent_tk${i}`]) }]),
  ) as Overview["attendance"];
  const e = ek[0] ?? {};
  const ekinerja = Object.fromEntries(
    RANGES.map((name, i) => [name, { due: num(e[`due${i}`]), onTime: num(e[`on_time${i}`]), late: num(e[`late${i}`]), missing: num(e[`missing${i}`]) }]),
  ) as Overview["ekinerja"];
  const backlogs = Object.fromEntries(RANGES.map((name, i) => [name, backlog[i]!])) as Overview["backlog"];

  const byMonth = (rows: Row[]) => new Map(rows.map((row) => [String(row.month), row]));
  const rt = byMonth(reqTrend);
  const at = byMonth(attTrend);
  const et = byMonth(ekTrend);
  const series = (m: Map<string, Row>, f: (row: Row) => number | null) => months.map((month) => (m.has(month) ? f(m.get(month)!) : null));

  const kpi = <T>(of: Record<RangeName, T>, f: (x: T) => number | null, trend: (number | null)[]): Kpi => ({
    value: f(of.current),
    previous: f(of.previous),
    lastYear: f(of.lastYear),
    trend,
  });
  const backlogTrend = months.map((_, i) => backlog[3 + i]!);
  return {
    period,
    months,
    requests,
    attendance,
    ekinerja,
    backlog: backlogs,
    kpis: {
      completed: kpi(requests, (x) => x.completed, series(rt, (row) => num(row.completed))),
      processingP50: kpi(requests, (x) => x.p50, series(rt, (row) => quantile(row.q, num(row.completed), 0))),
      processingP90: kpi(requests, (x) => x.p90, series(rt, (row) => quantile(row.q, num(row.completed), 1))),
      slaCompliance: kpi(requests, (x) => ratio(x.completed - x.breached, x.completed), series(rt, (row) => ratio(num(row.completed) - num(row.breached), num(row.completed)))),
      backlog: kpi(backlogs, (x) => x.open, backlogTrend.map((b) => b.open)),
      overdue: kpi(backlogs, (x) => x.overdue, backlogTrend.map((b) => b.overdue)),
      attendanceRate: kpi(attendance, (x) => ratio(x.present, x.due), series(at, (row) => ratio(num(row.present), num(row.due)))),
      latenessRate: kpi(attendance, (x) => ratio(x.late, x.present), series(at, (row) => ratio(num(row.late), num(row.present)))),
      absenceTkRate: kpi(attendance, (x) => ratio(x.absentTk, x.due), series(at, (row) => ratio(num(row.absent_tk), num(row.due)))),
      ekinerjaFillRate: kpi(ekinerja, (x) => ratio(x.onTime, x.due), series(et, (row) => ratio(num(row.on_time), num(row.due)))),
    },
    hasData: reqTrend.length + attTrend.length + ekTrend.length > 0 || RANGES.some((n) => requests[n].completed + attendance[n].due + ekinerja[n].due > 0),
  };
}

function lastDayOf(monthStart: string): string {
  const [y, m] = monthStart.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Open requests at the end of each given day (submitted by then, not finished by then) and, of those,
 * the overdue ones (their SLA's last working day already passed). From each request's latest state.
 */
export async function backlogAt(ch: ClickHouse, days: string[], scope: Scope, timezone: string): Promise<{ open: number; overdue: number }[]> {
  const params: Record<string, string | string[]> = { unit: scope.unitId ?? "", service: scope.serviceTypeId ?? "", days };
  const rows = await ch.query<{ open: number[]; overdue: number[] }>(
    `SELECT
  sumForEach(arrayMap(d -> toUInt64(sub <= d AND (done IS NULL OR done > d)), {days:Array(Date)})) AS open,
  sumForEach(arrayMap(d -> toUInt64(sub <= d AND (done IS NULL OR done > d) AND due < d), {days:Array(Date)})) AS overdue
FROM (
  SELECT request_id,
         toDate(argMax(submitted_at, version), '${zone(timezone)}') AS sub,
         if(isNull(argMax(tuple(done_at), version).1), NULL, toDate(assumeNotNull(argMax(tuple(done_at), version).1), '${zone(timezone)}')) AS done,
         argMax(sla_due_day, version) AS due
  FROM fact_request_state
  WHERE ${UNIT_FILTER} AND ${SERVICE_FILTER}
  GROUP BY request_id
)`,
    params,
  );
  const row = rows[0];
  return days.map((_, i) => ({ open: num(row?.open?.[i]), overdue: num(row?.overdue?.[i]) }));
}

/** Time zone names go into SQL text (toDate needs a constant): only the ones Indonesia uses pass. */
function zone(tz: string): string {
  return /^Asia\/(Jakarta|Pontianak|Makassar|Jayapura)$/.test(tz) ? tz : "Asia/Jakarta";
}
