// The leaders' KPIs, read from ClickHouse's per-unit-per-day rollups and the backlog snapshot, in one
// round trip for the three compared ranges (current, previous, same period last year) and the trend.
import {
  ELEMENTS,
  ikmFromSums,
  ikmSample,
  ikmShown,
  IKM_MIN_RESPONDENTS_DEFAULT,
  scoresOf,
  type Element,
  type Grade,
  type IkmSample,
} from "@/lib/domain/ikm";
import type { ClickHouse } from "@/server/clickhouse/types";
import { SERVICE_FILTER, UNIT_FILTER, type Scope } from "@/server/clickhouse/scope";
import { monthEndsOf, monthsOf, partialMonthOf, type ResolvedPeriod } from "../period";

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
  /** The trend's last month when it is still running (its sums so far are not a drop): null when whole. */
  partialMonth: string | null;
  requests: Record<RangeName, RequestCounts>;
  attendance: Record<RangeName, { due: number; present: number; late: number; absentTk: number }>;
  ekinerja: Record<RangeName, { due: number; onTime: number; late: number; missing: number }>;
  backlog: Record<RangeName, { open: number; overdue: number }>;
  /** IKM, grade, weakest element and element means are null when too few answered (`sample.standing`). */
  survey: Record<
    RangeName,
    {
      respondents: number;
      ikm: number | null;
      grade: Grade | null;
      weakest: Element | null;
      elements: Record<Element, number | null>;
      sample: IkmSample;
    }
  >;
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
    /** IKM on the 25–100 scale. */
    ikm: Kpi;
  };
  /** Whether any analytics data exists in scope at all (an empty install shows what to do instead). */
  hasData: boolean;
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Share of completed requests finished within their SLA (a rejection is not a completion). */
export const slaCompliance = (completed: number, breached: number) => ratio(completed - breached, completed);

/** Quantiles of an empty set come back as 0 from ClickHouse: no completed requests means no value. */
const quantile = (q: unknown, count: number, i: number) => (count > 0 && Array.isArray(q) ? Number(q[i]) : null);

/** How small an IKM sample may be (ikm.ts): the floor, and the people the scope's service points say they serve. */
export interface IkmRule {
  floor: number;
  declaredPopulation: number | null;
}
const NO_ELEMENTS = Object.fromEntries(ELEMENTS.map((e) => [e, null])) as Record<Element, number | null>;
const DEFAULT_IKM_RULE: IkmRule = { floor: IKM_MIN_RESPONDENTS_DEFAULT, declaredPopulation: null };

export async function overview(
  ch: ClickHouse,
  period: ResolvedPeriod,
  scope: Scope,
  ikmRule: IkmRule = DEFAULT_IKM_RULE,
): Promise<Overview> {
  const params = rangeParams(period, scope);
  const months = monthsOf(period.trend);
  // day column within [from, to] (SQL expressions), in the unit scope, and for request facts the service
  const inDays = (column: string, from: string, to: string, service = false) =>
    `${column} BETWEEN ${from} AND ${to} AND ${UNIT_FILTER}${service ? ` AND ${SERVICE_FILTER}` : ""}`;
  const ranges = ["{lo:Date}", "{hi:Date}"] as const;
  const trend = ["{tf:Date}", "{tt:Date}"] as const;
  const both = ["least({lo:Date}, {tf:Date})", "greatest({hi:Date}, {tt:Date})"] as const;

  // One round trip: per-day sums (ranges and months are added up here), the quantiles per range and per
  // month (they cannot be added up), and the backlog at every range and month end. The branches of a
  // UNION ALL run in parallel inside ClickHouse.
  const monthEnds = monthEndsOf(period.trend);
  const ends = [period.current.to, period.previous.to, period.lastYear.to, ...monthEnds];
  // An empty set's quantile is NaN; the count beside it tells "no value" apart.
  const u64 = (q: string) => `arrayMap(x -> toUInt64(ifNotFinite(x, 0)), ${q})`;
  const rows = await ch.query<{ k: string; key: string; v: number[] }>(
    `SELECT 'req' AS k, toString(day) AS key, [sum(completed), sum(rejected), sum(breached), sum(returned)] AS v
FROM rollup_request_daily WHERE ${inDays("day", ...both, true)} GROUP BY day
UNION ALL
SELECT 'att', toString(day), [sum(due), sum(present), sum(late), sum(absent_tk)]
FROM rollup_attendance_daily WHERE ${inDays("day", ...both)} GROUP BY day
UNION ALL
SELECT 'ek', toString(period), [sum(due), sum(on_time), sum(late), sum(missing)]
FROM rollup_ekinerja_due WHERE ${inDays("period", ...both)} GROUP BY period
UNION ALL
SELECT 'survey', toString(day), [sum(respondents), sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9)]
FROM rollup_survey_daily WHERE ${inDays("day", ...both, true)} GROUP BY day
UNION ALL
SELECT 'q', 'ranges', arrayConcat(${RANGES.map((_, i) => u64(`quantilesTimingMergeIf(0.5, 0.9)(processing_wd_q, day BETWEEN {f${i}:Date} AND {t${i}:Date})`)).join(", ")})
FROM rollup_request_daily WHERE ${inDays("day", ...ranges, true)}
UNION ALL
SELECT 'qm', toString(toStartOfMonth(day)) AS month, ${u64("quantilesTimingMerge(0.5, 0.9)(processing_wd_q)")}
FROM rollup_request_daily WHERE ${inDays("day", ...trend, true)} GROUP BY month
UNION ALL
${BACKLOG_SQL}`,
    { ...params, ends },
  );

  const perDay = {
    req: new Map<string, number[]>(),
    att: new Map<string, number[]>(),
    ek: new Map<string, number[]>(),
    survey: new Map<string, number[]>(),
  };
  const monthQ = new Map<string, number[]>();
  let rangeQ: number[] = [];
  let backlog: number[] = [];
  for (const row of rows) {
    const v = row.v.map(Number);
    if (row.k === "req" || row.k === "att" || row.k === "ek" || row.k === "survey") perDay[row.k].set(row.key, v);
    else if (row.k === "qm") monthQ.set(row.key, v);
    else if (row.k === "q") rangeQ = v;
    else if (row.k === "backlog") backlog = v;
  }
  const sumOver = (m: Map<string, number[]>, from: string, to: string, width: number) => {
    const out = new Array<number>(width).fill(0);
    for (const [day, v] of m) if (day >= from && day <= to) for (let i = 0; i < width; i++) out[i]! += v[i]!;
    return out;
  };
  const inRange = (name: RangeName, m: Map<string, number[]>, width = 4) =>
    sumOver(m, period[name].from, period[name].to, width);
  const monthly = (m: Map<string, number[]>, width = 4) =>
    months.map((month, i) =>
      [...m.keys()].some((d) => d >= month && d <= monthEnds[i]!) ? sumOver(m, month, monthEnds[i]!, width) : null,
    );
  /** [respondents, u1…u9 sums] → IKM. */
  const ikmOf = (v: number[]) =>
    ikmFromSums(
      scoresOf((_, i) => v[i + 1]!),
      v[0]!,
    );

  const requests = Object.fromEntries(
    RANGES.map((name, i) => {
      const [completed, rejected, breached, returned] = inRange(name, perDay.req) as [number, number, number, number];
      return [
        name,
        {
          completed,
          rejected,
          breached,
          returned,
          p50: quantile(rangeQ.slice(2 * i, 2 * i + 2), completed, 0),
          p90: quantile(rangeQ.slice(2 * i, 2 * i + 2), completed, 1),
        },
      ];
    }),
  ) as Record<RangeName, RequestCounts>;
  const attendance = Object.fromEntries(
    RANGES.map((name) => {
      const [due, present, late, absentTk] = inRange(name, perDay.att) as [number, number, number, number];
      return [name, { due, present, late, absentTk }];
    }),
  ) as Overview["attendance"];
  const ekinerja = Object.fromEntries(
    RANGES.map((name) => {
      const [due, onTime, late, missing] = inRange(name, perDay.ek) as [number, number, number, number];
      return [name, { due, onTime, late, missing }];
    }),
  ) as Overview["ekinerja"];
  const n = ends.length;
  const backlogAt = (i: number) => ({ open: num(backlog[i]), overdue: num(backlog[n + i]) });
  const backlogs = Object.fromEntries(RANGES.map((name, i) => [name, backlogAt(i)])) as Overview["backlog"];

  // The people served are the requests completed in the same range (else what the service points declare).
  const sampleOf = (respondents: number, completed: number) =>
    ikmSample(respondents, completed > 0 ? completed : ikmRule.declaredPopulation, ikmRule.floor);
  const survey = Object.fromEntries(
    RANGES.map((name) => {
      const r = ikmOf(inRange(name, perDay.survey, 10));
      const sample = sampleOf(r.respondents, requests[name].completed);
      if (!ikmShown(sample))
        return [
          name,
          { respondents: r.respondents, ikm: null, grade: null, weakest: null, elements: NO_ELEMENTS, sample },
        ];
      return [
        name,
        {
          respondents: r.respondents,
          ikm: r.converted,
          grade: r.grade,
          weakest: r.weakest,
          elements: r.elements,
          sample,
        },
      ];
    }),
  ) as Overview["survey"];
  const st = monthly(perDay.survey, 10);
  const rt = monthly(perDay.req);
  const at = monthly(perDay.att);
  const et = monthly(perDay.ek);
  const series = (m: (number[] | null)[], f: (v: number[], i: number) => number | null) =>
    m.map((v, i) => (v ? f(v, i) : null));
  const mq = (i: number) => monthQ.get(months[i]!);

  const kpi = <T>(of: Record<RangeName, T>, f: (x: T) => number | null, trend: (number | null)[]): Kpi => ({
    value: f(of.current),
    previous: f(of.previous),
    lastYear: f(of.lastYear),
    trend,
  });
  const backlogTrend = months.map((_, i) => backlogAt(3 + i));
  return {
    period,
    months,
    partialMonth: partialMonthOf(period.trend),
    requests,
    attendance,
    ekinerja,
    backlog: backlogs,
    survey,
    kpis: {
      completed: kpi(
        requests,
        (x) => x.completed,
        series(rt, (v) => v[0]!),
      ),
      processingP50: kpi(
        requests,
        (x) => x.p50,
        series(rt, (v, i) => quantile(mq(i), v[0]!, 0)),
      ),
      processingP90: kpi(
        requests,
        (x) => x.p90,
        series(rt, (v, i) => quantile(mq(i), v[0]!, 1)),
      ),
      slaCompliance: kpi(
        requests,
        (x) => slaCompliance(x.completed, x.breached),
        series(rt, (v) => slaCompliance(v[0]!, v[2]!)),
      ),
      backlog: kpi(
        backlogs,
        (x) => x.open,
        backlogTrend.map((b) => b.open),
      ),
      overdue: kpi(
        backlogs,
        (x) => x.overdue,
        backlogTrend.map((b) => b.overdue),
      ),
      attendanceRate: kpi(
        attendance,
        (x) => ratio(x.present, x.due),
        series(at, (v) => ratio(v[1]!, v[0]!)),
      ),
      latenessRate: kpi(
        attendance,
        (x) => ratio(x.late, x.present),
        series(at, (v) => ratio(v[2]!, v[1]!)),
      ),
      absenceTkRate: kpi(
        attendance,
        (x) => ratio(x.absentTk, x.due),
        series(at, (v) => ratio(v[3]!, v[0]!)),
      ),
      ekinerjaFillRate: kpi(
        ekinerja,
        (x) => ratio(x.onTime, x.due),
        series(et, (v) => ratio(v[1]!, v[0]!)),
      ),
      // a month with too few answers is a gap in the trend, not a point
      ikm: kpi(
        survey,
        (x) => x.ikm,
        series(st, (v, i) => (ikmShown(sampleOf(v[0]!, rt[i]?.[0] ?? 0)) ? ikmOf(v).converted : null)),
      ),
    },
    hasData: perDay.req.size + perDay.att.size + perDay.ek.size + perDay.survey.size > 0 || backlog.some((x) => x > 0),
  };
}

/**
 * Open and overdue requests at the end of each day in {ends}, from the newest complete backlog snapshot
 * (etl/load/backlog.ts): one array, opens then overdues.
 */
const BACKLOG_SQL = `SELECT 'backlog', '', arrayConcat(
    sumForEach(arrayMap(d -> toUInt64(day = d) * open, {ends:Array(Date)})),
    sumForEach(arrayMap(d -> toUInt64(day = d) * overdue, {ends:Array(Date)})))
FROM rollup_backlog_daily
WHERE snapshot = (SELECT max(snapshot) FROM backlog_snapshot) AND day IN {ends:Array(Date)} AND ${UNIT_FILTER} AND ${SERVICE_FILTER}`;
