// e-Kinerja compliance per employee, read from ClickHouse (fact_ekinerja with dim_employee and, for
// leave, fact_attendance). Not due, so never flagged: entries before the employee's appointment, after
// their retirement, and on approved leave — a daily log on a leave day (attendance CT), a monthly
// realisation for a month the employee spent wholly on leave.
import { UNIT_FILTER } from "@/features/dashboard/server/kpi";
import { BAND_FLOOR_MINUTES, MINUTES_PER_TK_DAY, WORK_END_MINUTES } from "@/lib/domain/discipline";
import { currentStreak, fillRate, type EntryState } from "@/lib/domain/fill-rate";
import type { ClickHouse } from "@/server/clickhouse/types";
import { monthEnd, PAGE_SIZE, type ComplianceFilter, type ComplianceSort } from "../schemas";

/** How far back the missed streak looks (periods before the chosen range still count in a streak). */
const STREAK_LOOKBACK_MONTHS = 24;
/** Daily logs: a streak of missed working days is counted up to three months back (about 60 days). */
const DAILY_LOOKBACK_MONTHS = 3;

const ORDER: Record<ComplianceSort, string> = {
  fill: "fill ASC, missing DESC, name ASC",
  missing: "missing DESC, fill ASC, name ASC",
  streak: "streak DESC, missing DESC, name ASC",
  name: "name ASC",
  unit: "unit_name ASC, fill ASC, name ASC",
  last: "last_entry ASC NULLS FIRST, name ASC",
};

/** ClickHouse's text of the last entry (UTC, "yyyy-mm-dd hh:mm:ss.sss") as an instant. */
export function lastEntryInstant(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

export interface ComplianceRow {
  employeeId: string;
  nip: string;
  name: string;
  unitId: string;
  unitName: string;
  due: number;
  onTime: number;
  late: number;
  missing: number;
  fillRate: number | null;
  streak: number;
  lastEntry: string | null;
}

function lookbackStart(from: string, kind: "monthly" | "daily"): string {
  const [y, m] = from.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - (kind === "daily" ? DAILY_LOOKBACK_MONTHS : STREAK_LOOKBACK_MONTHS), 1));
  return d.toISOString().slice(0, 10);
}

/** The SQL of the per-employee figures (parameters: kind, unit, from, to, lb). */
function perEmployeeSql(): string {
  return `
    WITH emp AS (
      -- argMax skips NULLs: the tuple keeps a retirement date that was cleared as cleared
      SELECT employee_id, argMax(nip, version) AS nip, argMax(name, version) AS name, argMax(unit_id, version) AS emp_unit,
             argMax(appointed_on, version) AS appointed_on, argMax(tuple(retired_on), version).1 AS retired_on
      FROM dim_employee GROUP BY employee_id
    ),
    units AS (SELECT unit_id, argMax(name, version) AS unit_name FROM dim_unit GROUP BY unit_id),
    leave AS (
      -- monthly: months wholly on leave (from the per-employee month rollup); daily: leave days
      SELECT employee_id, month AS period FROM rollup_attendance_employee_month
      WHERE {kind:String} = 'monthly' AND month BETWEEN {lb:Date} AND {to:Date}
      GROUP BY employee_id, month HAVING sum(days) > 0 AND sum(days) = sum(leave_days)
      UNION ALL
      SELECT employee_id, day AS period FROM fact_attendance
      WHERE {kind:String} = 'daily' AND status = 'CT' AND day BETWEEN {lb:Date} AND {to:Date}
    ),
    entries AS (
      SELECT f.employee_id AS employee_id, f.unit_id AS unit_id, f.period AS period, f.state AS state, f.submitted_at AS submitted_at,
             emp.nip AS nip, emp.name AS name
      FROM fact_ekinerja AS f
      INNER JOIN emp ON emp.employee_id = f.employee_id
      WHERE f.kind = {kind:String} AND f.period BETWEEN {lb:Date} AND {to:Date} AND ${UNIT_FILTER}
        AND f.period >= if({kind:String} = 'daily', emp.appointed_on, toStartOfMonth(emp.appointed_on)) AND (emp.retired_on IS NULL OR f.period <= emp.retired_on)
        AND (f.employee_id, f.period) NOT IN (SELECT employee_id, period FROM leave)
    )
    SELECT
      e.employee_id AS employee_id, any(e.nip) AS nip, any(e.name) AS name, argMax(e.unit_id, e.period) AS unit_id,
      any(units.unit_name) AS unit_name,
      countIf(e.period >= {from:Date}) AS due,
      countIf(e.period >= {from:Date} AND e.state = 'on_time') AS on_time,
      countIf(e.period >= {from:Date} AND e.state = 'late') AS late,
      countIf(e.period >= {from:Date} AND e.state = 'missing') AS missing,
      if(due = 0, 1, on_time / due) AS fill,
      arrayMap(x -> x.2, arraySort(groupArray((e.period, e.state)))) AS states,
      toString(max(e.submitted_at)) AS last_entry_text,
      max(e.submitted_at) AS last_entry
    FROM entries AS e
    LEFT JOIN units ON units.unit_id = e.unit_id
    GROUP BY e.employee_id
    HAVING due > 0`;
}

type RawRow = {
  employee_id: string; nip: string; name: string; unit_id: string; unit_name: string;
  due: number | string; on_time: number | string; late: number | string; missing: number | string;
  states: EntryState[]; last_entry_text: string | null; total?: number | string;
};

function toRow(r: RawRow): ComplianceRow {
  const due = Number(r.due);
  const onTime = Number(r.on_time);
  return {
    employeeId: r.employee_id, nip: r.nip, name: r.name, unitId: r.unit_id, unitName: r.unit_name,
    due, onTime, late: Number(r.late), missing: Number(r.missing), fillRate: fillRate(onTime, due),
    streak: currentStreak(r.states), lastEntry: r.last_entry_text && !r.last_entry_text.startsWith("1970") ? r.last_entry_text : null,
  };
}

function params(f: ComplianceFilter, unitId: string) {
  return { kind: f.kind, unit: unitId, from: `${f.from}-01`, to: monthEnd(f.to), lb: lookbackStart(f.from, f.kind), maxFill: f.maxFill / 100, missingOnly: f.missingOnly ? 1 : 0, q: f.q, qNip: f.q.replace(/\s/g, "") };
}

/** The matching employees (parameters as `params` makes them). */
const FILTERED = `
  SELECT * FROM (PER_EMPLOYEE)
  WHERE fill <= {maxFill:Float64} + 1e-9
    AND ({missingOnly:UInt8} = 0 OR missing > 0)
    AND ({q:String} = '' OR positionCaseInsensitiveUTF8(name, {q:String}) > 0 OR startsWith(nip, {qNip:String}))`;

/** The matching employees with their streak: the SQL both the page and the export sort and cut. */
const matchingSql = () => `SELECT *, length(states) - arrayLastIndex(x -> x != 'missing', states) AS streak FROM (${FILTERED.replace("PER_EMPLOYEE", perEmployeeSql())})`;

/**
 * One page of the list for `unitId` (a unit and its sub-units; '' = the region), sorted in ClickHouse;
 * streaks are counted from the ordered states (a streak sort reads all matching rows, still one query).
 */
export async function complianceList(ch: ClickHouse, f: ComplianceFilter, unitId: string, pageSize = PAGE_SIZE): Promise<{ total: number; page: number; pages: number; rows: ComplianceRow[] }> {
  const p = params(f, unitId);
  const rows = await ch.query<RawRow>(
    `SELECT *, count() OVER () AS total FROM (${matchingSql()}) ORDER BY ${ORDER[f.sort]}, employee_id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { ...p, limit: pageSize, offset: (f.page - 1) * pageSize },
  );
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && f.page > 1) {
    const c = await ch.query<{ n: number | string }>(`SELECT count() AS n FROM (${matchingSql()})`, p);
    total = Number(c[0]?.n ?? 0);
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { total, page: f.page, pages, rows: rows.map(toRow) };
}

/** Every matching row (for the exports), in the list's order; capped. */
export async function complianceAll(ch: ClickHouse, f: ComplianceFilter, unitId: string, cap = 100_000): Promise<ComplianceRow[]> {
  const rows = await ch.query<RawRow>(`SELECT * FROM (${matchingSql()}) ORDER BY ${ORDER[f.sort]}, employee_id LIMIT {cap:UInt32}`, { ...params(f, unitId), cap });
  return rows.map(toRow);
}

export interface TimelineMonth {
  month: string;
  due: number;
  onTime: number;
  late: number;
  missing: number;
  /** Entries in the source that were not due: on leave, before appointment, after retirement. */
  notDueLeave: number;
  attendance: { workdays: number; present: number; late: number; tk: number; leave: number; other: number };
}

/**
 * One employee's months: e-Kinerja entries (both kinds) told apart as on time / late / missing, with
 * those that were not due (leave, before appointment, after retirement) counted apart, and attendance beside them.
 */
export async function employeeTimeline(ch: ClickHouse, employeeId: string, from: string, to: string): Promise<TimelineMonth[]> {
  const p = { emp: employeeId, from: `${from}-01`, to: monthEnd(to) };
  const [emp, entries, days] = await Promise.all([
    ch.query<{ appointed_on: string; retired_on: string | null }>(
      `SELECT toString(argMax(appointed_on, version)) AS appointed_on, toString(argMax(tuple(retired_on), version).1) AS retired_on FROM dim_employee WHERE employee_id = {emp:String}`,
      p,
    ),
    ch.query<{ kind: string; period_text: string; state: EntryState }>(
      // aliases differ from the columns: WHERE would otherwise compare the text
      `SELECT kind, toString(period) AS period_text, state FROM fact_ekinerja WHERE employee_id = {emp:String} AND period BETWEEN {from:Date} AND {to:Date}`,
      p,
    ),
    ch.query<{ day_text: string; status: string }>(`SELECT toString(day) AS day_text, status FROM fact_attendance WHERE employee_id = {emp:String} AND day BETWEEN {from:Date} AND {to:Date}`, p),
  ]);
  const appointed = emp[0]?.appointed_on ?? "0000-00-00";
  const retired = emp[0]?.retired_on ?? null;
  const status = new Map(days.map((d) => [d.day_text, d.status]));
  const monthOnLeave = new Map<string, boolean>();
  for (const d of days) monthOnLeave.set(d.day_text.slice(0, 7), (monthOnLeave.get(d.day_text.slice(0, 7)) ?? true) && d.status === "CT");
  const months = new Map<string, TimelineMonth>();
  const get = (m: string) => {
    let row = months.get(m);
    if (!row) {
      row = { month: m, due: 0, onTime: 0, late: 0, missing: 0, notDueLeave: 0, attendance: { workdays: 0, present: 0, late: 0, tk: 0, leave: 0, other: 0 } };
      months.set(m, row);
    }
    return row;
  };
  for (const { kind, period_text: period, state } of entries) {
    const row = get(period.slice(0, 7));
    const outside = (kind === "daily" ? period < appointed : period.slice(0, 7) < appointed.slice(0, 7)) || (retired !== null && retired !== "" && period > retired);
    const onLeave = kind === "daily" ? status.get(period) === "CT" : monthOnLeave.get(period.slice(0, 7)) === true;
    if (outside || onLeave) {
      row.notDueLeave++;
      continue;
    }
    row.due++;
    if (state === "on_time") row.onTime++;
    else if (state === "late") row.late++;
    else row.missing++;
  }
  for (const d of days) {
    const a = get(d.day_text.slice(0, 7)).attendance;
    a.workdays++;
    if (d.status === "TK") a.tk++;
    else if (d.status === "CT") a.leave++;
    else if (d.status === "H" || d.status.startsWith("TL") || d.status.startsWith("PSW")) {
      a.present++;
      if (d.status.startsWith("TL")) a.late++;
    } else a.other++;
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * TK days and late-arrival / early-leave minutes per employee in a calendar year, for the discipline watch:
 * employees whose TK days plus the days their minutes convert to reach `minDays`. The minutes follow
 * src/lib/domain/discipline.ts: a TL day its late minutes, a PSW day the scheduled end of that weekday minus
 * the check-out, neither less than its band's floor (the floor alone when the time is missing).
 */
export async function tkDaysByEmployee(ch: ClickHouse, year: number, unitId: string, minDays: number) {
  return ch.query<{ employee_id: string; nip: string; name: string; unit_name: string; days: string[]; late_minutes: number; early_minutes: number }>(
    `WITH emp AS (SELECT employee_id, argMax(nip, version) AS nip, argMax(name, version) AS name FROM dim_employee GROUP BY employee_id),
          units AS (SELECT unit_id, argMax(name, version) AS unit_name FROM dim_unit GROUP BY unit_id)
     SELECT t.employee_id AS employee_id, any(emp.nip) AS nip, any(emp.name) AS name, any(units.unit_name) AS unit_name,
            arraySort(groupArrayIf(toString(t.day), t.status = 'TK')) AS days,
            toUInt32(sum(t.late)) AS late_minutes, toUInt32(sum(t.early)) AS early_minutes
     FROM (
       SELECT employee_id, unit_id, day, status,
              if(startsWith(status, 'TL'), greatest(toInt32(late_minutes), {floors:Array(Int32)}[toUInt8OrZero(substring(status, 3)) + 1]), 0) AS late,
              if(startsWith(status, 'PSW'),
                 greatest(if(check_out IS NULL, 0, {ends:Array(Int32)}[toDayOfWeek(day) + 1] - toInt32(assumeNotNull(check_out))), {floors:Array(Int32)}[toUInt8OrZero(substring(status, 4)) + 1]),
                 0) AS early
       FROM fact_attendance
       WHERE ((status = 'TK' AND day BETWEEN {from:Date} AND {to:Date}) OR ((startsWith(status, 'TL') OR startsWith(status, 'PSW')) AND day BETWEEN {yearStart:Date} AND {to:Date}))
         AND ${UNIT_FILTER}
     ) AS t
     INNER JOIN emp ON emp.employee_id = t.employee_id
     LEFT JOIN units ON units.unit_id = t.unit_id
     GROUP BY t.employee_id
     HAVING countIf(t.status = 'TK' AND t.day >= {yearStart:Date}) + intDiv(sum(t.late) + sum(t.early), {perDay:UInt32}) >= {min:UInt32}
     ORDER BY length(days) DESC, name`,
    // from December: a run of TK days can start in the old year and reach into this one
    {
      from: `${year - 1}-12-01`, yearStart: `${year}-01-01`, to: `${year}-12-31`, unit: unitId, min: minDays,
      floors: BAND_FLOOR_MINUTES, ends: WORK_END_MINUTES, perDay: MINUTES_PER_TK_DAY,
    },
  );
}
