// e-Kinerja compliance per employee, read from ClickHouse: the entries as the ETL classified them
// (fact_ekinerja_due, by src/lib/domain/ekinerja.ts) with dim_employee. Not due, so never flagged: entries
// outside employment, on days or in months the attendance says were not due (leave, study duty), and those an
// outage HR recorded excuses; an outage that extends moves the deadline the state is measured against.
import { UNIT_FILTER } from "@/server/clickhouse/scope";
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
  /** Entries excused by an outage HR recorded (not due, so not in the figures beside it). */
  excused: number;
  fillRate: number | null;
  streak: number;
  lastEntry: string | null;
}

function lookbackStart(from: string, kind: "monthly" | "daily"): string {
  const [y, m] = from.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - (kind === "daily" ? DAILY_LOOKBACK_MONTHS : STREAK_LOOKBACK_MONTHS), 1));
  return d.toISOString().slice(0, 10);
}

/** The SQL of the per-employee figures (parameters: kind, unit, from, to, lb), from the classified entries. */
function perEmployeeSql(): string {
  return `
    WITH emp AS (
      SELECT employee_id, argMax(nip, version) AS nip, argMax(name, version) AS name FROM dim_employee GROUP BY employee_id
    ),
    units AS (SELECT unit_id, argMax(name, version) AS unit_name FROM dim_unit GROUP BY unit_id),
    entries AS (
      SELECT f.employee_id AS employee_id, f.unit_id AS unit_id, f.period AS period, f.state AS state, f.submitted_at AS submitted_at,
             f.due AS due, f.reason AS reason, emp.nip AS nip, emp.name AS name
      FROM fact_ekinerja_due AS f
      INNER JOIN emp ON emp.employee_id = f.employee_id
      WHERE f.kind = {kind:String} AND f.period BETWEEN {lb:Date} AND {to:Date} AND ${UNIT_FILTER}
    )
    SELECT
      e.employee_id AS employee_id, any(e.nip) AS nip, any(e.name) AS name, argMaxIf(e.unit_id, e.period, e.due = 1) AS unit_id,
      any(units.unit_name) AS unit_name,
      countIf(e.due = 1 AND e.period >= {from:Date}) AS due,
      countIf(e.due = 1 AND e.period >= {from:Date} AND e.state = 'on_time') AS on_time,
      countIf(e.due = 1 AND e.period >= {from:Date} AND e.state = 'late') AS late,
      countIf(e.due = 1 AND e.period >= {from:Date} AND e.state = 'missing') AS missing,
      countIf(e.reason = 'outage' AND e.period >= {from:Date}) AS excused,
      if(due = 0, 1, on_time / due) AS fill,
      arrayMap(x -> x.2, arraySort(groupArrayIf((e.period, e.state), e.due = 1))) AS states,
      toString(max(e.submitted_at)) AS last_entry_text,
      max(e.submitted_at) AS last_entry
    FROM entries AS e
    LEFT JOIN units ON units.unit_id = e.unit_id
    GROUP BY e.employee_id
    HAVING due > 0`;
}

type RawRow = {
  employee_id: string;
  nip: string;
  name: string;
  unit_id: string;
  unit_name: string;
  due: number | string;
  on_time: number | string;
  late: number | string;
  missing: number | string;
  excused: number | string;
  states: EntryState[];
  last_entry_text: string | null;
  total?: number | string;
};

function toRow(r: RawRow): ComplianceRow {
  const due = Number(r.due);
  const onTime = Number(r.on_time);
  return {
    employeeId: r.employee_id,
    nip: r.nip,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    due,
    onTime,
    late: Number(r.late),
    missing: Number(r.missing),
    excused: Number(r.excused),
    fillRate: fillRate(onTime, due),
    streak: currentStreak(r.states),
    lastEntry: r.last_entry_text && !r.last_entry_text.startsWith("1970") ? r.last_entry_text : null,
  };
}

function params(f: ComplianceFilter, unitId: string) {
  return {
    kind: f.kind,
    unit: unitId,
    from: `${f.from}-01`,
    to: monthEnd(f.to),
    lb: lookbackStart(f.from, f.kind),
    maxFill: f.maxFill / 100,
    missingOnly: f.missingOnly ? 1 : 0,
    q: f.q,
    qNip: f.q.replace(/\s/g, ""),
  };
}

/** The matching employees (parameters as `params` makes them). */
const FILTERED = `
  SELECT * FROM (PER_EMPLOYEE)
  WHERE fill <= {maxFill:Float64} + 1e-9
    AND ({missingOnly:UInt8} = 0 OR missing > 0)
    AND ({q:String} = '' OR positionCaseInsensitiveUTF8(name, {q:String}) > 0 OR startsWith(nip, {qNip:String}))`;

/** The matching employees with their streak: the SQL both the page and the export sort and cut. */
const matchingSql = () =>
  `SELECT *, length(states) - arrayLastIndex(x -> x != 'missing', states) AS streak FROM (${FILTERED.replace("PER_EMPLOYEE", perEmployeeSql())})`;

/**
 * One page of the list for `unitId` (a unit and its sub-units; '' = the region), sorted in ClickHouse;
 * streaks are counted from the ordered states (a streak sort reads all matching rows, still one query).
 */
export async function complianceList(
  ch: ClickHouse,
  f: ComplianceFilter,
  unitId: string,
  pageSize = PAGE_SIZE,
): Promise<{ total: number; page: number; pages: number; rows: ComplianceRow[] }> {
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
export async function complianceAll(
  ch: ClickHouse,
  f: ComplianceFilter,
  unitId: string,
  cap = 100_000,
): Promise<ComplianceRow[]> {
  const rows = await ch.query<RawRow>(
    `SELECT * FROM (${matchingSql()}) ORDER BY ${ORDER[f.sort]}, employee_id LIMIT {cap:UInt32}`,
    { ...params(f, unitId), cap },
  );
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
  /** Entries an outage HR recorded excuses. */
  excused: number;
  /** workdays: the days due (src/lib/domain/attendance.ts); present (DL included), late and tk of those; other: excused (I, S); leave: CT days, not due. */
  attendance: { workdays: number; present: number; late: number; tk: number; leave: number; other: number };
}

/**
 * One employee's months: e-Kinerja entries (both kinds) as the ETL classified them — on time / late / missing,
 * those that were not due counted apart — and attendance beside them (its days as the ETL classified them).
 */
export async function employeeTimeline(
  ch: ClickHouse,
  employeeId: string,
  from: string,
  to: string,
): Promise<TimelineMonth[]> {
  const p = { emp: employeeId, from: `${from}-01`, to: monthEnd(to) };
  const [entries, days] = await Promise.all([
    ch.query<{ period_text: string; state: EntryState; due: number; reason: string }>(
      // aliases differ from the columns: WHERE would otherwise compare the text
      `SELECT toString(period) AS period_text, state, due, reason FROM fact_ekinerja_due WHERE employee_id = {emp:String} AND period BETWEEN {from:Date} AND {to:Date}`,
      p,
    ),
    ch.query<{ day_text: string; status: string; due: number; present: number }>(
      `SELECT toString(day) AS day_text, status, due, present FROM fact_attendance WHERE employee_id = {emp:String} AND day BETWEEN {from:Date} AND {to:Date}`,
      p,
    ),
  ]);
  const months = new Map<string, TimelineMonth>();
  const get = (m: string) => {
    let row = months.get(m);
    if (!row) {
      row = {
        month: m,
        due: 0,
        onTime: 0,
        late: 0,
        missing: 0,
        notDueLeave: 0,
        excused: 0,
        attendance: { workdays: 0, present: 0, late: 0, tk: 0, leave: 0, other: 0 },
      };
      months.set(m, row);
    }
    return row;
  };
  for (const { period_text: period, state, due, reason } of entries) {
    const row = get(period.slice(0, 7));
    if (Number(due) !== 1) {
      if (reason === "outage") row.excused++;
      else row.notDueLeave++;
      continue;
    }
    row.due++;
    if (state === "on_time") row.onTime++;
    else if (state === "late") row.late++;
    else row.missing++;
  }
  for (const d of days) {
    const a = get(d.day_text.slice(0, 7)).attendance;
    if (d.status === "CT") a.leave++;
    if (Number(d.due) !== 1) continue;
    a.workdays++;
    if (Number(d.present) === 1) {
      a.present++;
      if (d.status.startsWith("TL")) a.late++;
    } else if (d.status === "TK") a.tk++;
    else a.other++;
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
  return ch.query<{
    employee_id: string;
    nip: string;
    name: string;
    unit_name: string;
    days: string[];
    late_minutes: number;
    early_minutes: number;
  }>(
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
      from: `${year - 1}-12-01`,
      yearStart: `${year}-01-01`,
      to: `${year}-12-31`,
      unit: unitId,
      min: minDays,
      floors: BAND_FLOOR_MINUTES,
      ends: WORK_END_MINUTES,
      perDay: MINUTES_PER_TK_DAY,
    },
  );
}

/**
 * Active employees in scope with no e-Kinerja entry of the kind at all in the period, while the period's
 * export lists others of their unit and they were not away the whole period: a data problem (SIMPEG/SIASN or
 * e-Kinerja records that do not match), not skipping.
 */
export async function notInExport(
  ch: ClickHouse,
  f: ComplianceFilter,
  unitId: string,
  limit = 50,
): Promise<{ total: number; rows: { employeeId: string; nip: string; name: string; unitName: string }[] }> {
  const p = { kind: f.kind, unit: unitId, from: `${f.from}-01`, to: monthEnd(f.to), limit };
  const rows = await ch.query<{
    employee_id: string;
    nip: string;
    name: string;
    unit_name: string;
    total: number | string;
  }>(
    `WITH emp AS (
       SELECT employee_id, argMax(nip, version) AS nip, argMax(name, version) AS name, argMax(unit_id, version) AS unit_id,
              argMax(active, version) AS active, argMax(appointed_on, version) AS appointed, argMax(tuple(retired_on), version).1 AS retired
       FROM dim_employee GROUP BY employee_id
     ),
     units AS (SELECT unit_id, argMax(name, version) AS unit_name FROM dim_unit GROUP BY unit_id),
     listed AS (SELECT DISTINCT employee_id, unit_id FROM fact_ekinerja WHERE kind = {kind:String} AND period BETWEEN {from:Date} AND {to:Date}),
     -- wholly on leave or study duty in the period: nothing was due (src/lib/domain/ekinerja.ts), so no entry is expected
     away AS (
       SELECT employee_id FROM rollup_attendance_employee_month WHERE month BETWEEN toStartOfMonth({from:Date}) AND {to:Date}
       GROUP BY employee_id HAVING sum(days) > 0 AND sum(due_days) = 0
     )
     SELECT c.employee_id AS employee_id, c.nip AS nip, c.name AS name, units.unit_name AS unit_name, count() OVER () AS total
     FROM (
       SELECT * FROM emp
       WHERE active AND appointed <= {to:Date} AND (retired IS NULL OR retired > {from:Date}) AND ${UNIT_FILTER}
         AND employee_id NOT IN (SELECT employee_id FROM listed) AND employee_id NOT IN (SELECT employee_id FROM away)
         -- only where the period's export covers the employee's unit (an OPD may export its own people only)
         AND unit_id IN (SELECT unit_id FROM listed)
     ) AS c
     LEFT JOIN units ON units.unit_id = c.unit_id
     ORDER BY c.name, c.employee_id LIMIT {limit:UInt32}`,
    p,
  );
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({ employeeId: r.employee_id, nip: r.nip, name: r.name, unitName: r.unit_name })),
  };
}
