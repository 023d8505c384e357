// Attendance and e-Kinerja for a period: rates over time (by week for periods up to two months, else by
// month), a ranking of units, attendance by weekday and lateness by band; e-Kinerja on time / late /
// missing and the share of employees who filled everything on time. Rollups for everything: that last share
// reads a row per employee and year (month bits) for whole months, and the entries only for a range cutting a month.
import type { ClickHouse } from "@/server/clickhouse/types";
import { bucketFor, bucketPartial, bucketStartSql, monthEnd, monthStart, type ResolvedPeriod } from "../period";
import { UNIT_FILTER, type Scope } from "@/server/clickhouse/scope";
import { ratio } from "./kpi";

export interface AttendanceCounts {
  due: number;
  present: number;
  late: number;
  absentTk: number;
  attendanceRate: number | null;
  latenessRate: number | null;
  absenceTkRate: number | null;
}

function attendanceCounts(r: { due: number; present: number; late: number; absent_tk: number }): AttendanceCounts {
  const due = Number(r.due);
  const present = Number(r.present);
  const late = Number(r.late);
  const absentTk = Number(r.absent_tk);
  return {
    due,
    present,
    late,
    absentTk,
    attendanceRate: ratio(present, due),
    latenessRate: ratio(late, present),
    absenceTkRate: ratio(absentTk, due),
  };
}

export interface AttendanceView {
  bucket: "week" | "month";
  /** `partial`: the bucket holds only part of its week or month (cut by the period). */
  overTime: ({ start: string; partial: boolean } & AttendanceCounts)[];
  byUnit: ({ unitId: string } & AttendanceCounts)[];
  /** ISO weekday 1 (Monday) … 5 (Friday); weekends and holidays are not working days. */
  byWeekday: ({ weekday: number } & AttendanceCounts)[];
  /** Late arrivals by band: TL1 1–30, TL2 31–60, TL3 61–90, TL4 over 90 minutes (or no check-in). */
  lateBands: { band: "TL1" | "TL2" | "TL3" | "TL4"; days: number }[];
  lateMinutes: number;
}

const ATT_SUMS = "sum(due) AS due, sum(present) AS present, sum(late) AS late, sum(absent_tk) AS absent_tk";

export async function attendanceView(ch: ClickHouse, period: ResolvedPeriod, scope: Scope): Promise<AttendanceView> {
  const bucket = bucketFor(period.current);
  const params = { unit: scope.unitId ?? "", from: period.current.from, to: period.current.to };
  const where = `day BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER}`;
  type Sums = { due: number; present: number; late: number; absent_tk: number };
  const [overTime, byUnit, byWeekday, bands] = await Promise.all([
    ch.query<Sums & { start: string }>(
      `SELECT ${bucketStartSql(bucket, "day")} AS start, ${ATT_SUMS} FROM rollup_attendance_daily WHERE ${where} GROUP BY start ORDER BY start`,
      params,
    ),
    ch.query<Sums & { unit_id: string }>(
      `SELECT unit_id, ${ATT_SUMS} FROM rollup_attendance_daily WHERE ${where} GROUP BY unit_id`,
      params,
    ),
    ch.query<Sums & { weekday: number }>(
      `SELECT toDayOfWeek(day) AS weekday, ${ATT_SUMS} FROM rollup_attendance_daily WHERE ${where} GROUP BY weekday HAVING weekday <= 5 ORDER BY weekday`,
      params,
    ),
    ch.query<{ tl1: number; tl2: number; tl3: number; tl4: number; minutes: number }>(
      `SELECT sum(tl1) AS tl1, sum(tl2) AS tl2, sum(tl3) AS tl3, sum(tl4) AS tl4, sum(late_minutes) AS minutes FROM rollup_attendance_daily WHERE ${where}`,
      params,
    ),
  ]);
  const b = bands[0] ?? { tl1: 0, tl2: 0, tl3: 0, tl4: 0, minutes: 0 };
  return {
    bucket,
    overTime: overTime.map((r) => ({
      start: r.start,
      partial: bucketPartial(bucket, r.start, period.current),
      ...attendanceCounts(r),
    })),
    byUnit: byUnit
      .map((r) => ({ unitId: r.unit_id, ...attendanceCounts(r) }))
      .sort((x, y) => (y.attendanceRate ?? -1) - (x.attendanceRate ?? -1) || x.unitId.localeCompare(y.unitId)),
    byWeekday: byWeekday.map((r) => ({ weekday: Number(r.weekday), ...attendanceCounts(r) })),
    lateBands: [
      { band: "TL1", days: Number(b.tl1) },
      { band: "TL2", days: Number(b.tl2) },
      { band: "TL3", days: Number(b.tl3) },
      { band: "TL4", days: Number(b.tl4) },
    ],
    lateMinutes: Number(b.minutes),
  };
}

export interface EkinerjaCounts {
  due: number;
  onTime: number;
  late: number;
  missing: number;
  fillRate: number | null;
}

function ekinerjaCounts(r: { due: number; on_time: number; late: number; missing: number }): EkinerjaCounts {
  const due = Number(r.due);
  const onTime = Number(r.on_time);
  return { due, onTime, late: Number(r.late), missing: Number(r.missing), fillRate: ratio(onTime, due) };
}

export interface EkinerjaView {
  bucket: "week" | "month";
  overTime: ({ start: string; partial: boolean } & EkinerjaCounts)[];
  byUnit: ({ unitId: string } & EkinerjaCounts)[];
  byKind: ({ kind: "daily" | "monthly" } & EkinerjaCounts)[];
  /** Employees with at least one entry due in the period, and those who made every one on time. */
  employees: { due: number; fullyCompliant: number; share: number | null };
  /** Entries in the exports that were not due (src/lib/domain/ekinerja.ts), by reason: outages HR recorded among them. */
  notDue: { notEmployed: number; leave: number; outage: number };
}

/**
 * A range from a month's first day to a month's last day, or to today (a running month, quarter or year:
 * no entry has a later period, the import refuses future ones), so the per-employee year rollup answers it.
 */
function wholeMonths(r: { from: string; to: string }, today?: string): boolean {
  return r.from === monthStart(r.from) && (r.to === monthEnd(r.to) || (today !== undefined && r.to >= today));
}

/**
 * The bits of rollup_ekinerja_employee_year's masks (bit 0 = January) that fall inside {from}–{to}, for the
 * row's year: months from the range's first (in its first year, else January) to its last (in its last year,
 * else December).
 */
const MONTHS_IN_RANGE = `toUInt32(bitShiftLeft(toUInt32(1), if(year = toYear({to:Date}), toMonth({to:Date}), 12))
  - bitShiftLeft(toUInt32(1), if(year = toYear({from:Date}), toMonth({from:Date}), 1) - 1))`;

const EK_SUMS = "sum(due) AS due, sum(on_time) AS on_time, sum(late) AS late, sum(missing) AS missing";

/** `today`: the region's today, so a running period (this month, this year) reads the month rollups too. */
export async function ekinerjaView(
  ch: ClickHouse,
  period: ResolvedPeriod,
  scope: Scope,
  today?: string,
): Promise<EkinerjaView> {
  const bucket = bucketFor(period.current);
  const params = { unit: scope.unitId ?? "", from: period.current.from, to: period.current.to };
  const where = `period BETWEEN {from:Date} AND {to:Date} AND ${UNIT_FILTER}`;
  type Sums = { due: number; on_time: number; late: number; missing: number };
  const [overTime, byUnit, byKind, notDue, employees] = await Promise.all([
    ch.query<Sums & { start: string }>(
      `SELECT ${bucketStartSql(bucket, "period")} AS start, ${EK_SUMS} FROM rollup_ekinerja_due WHERE ${where} GROUP BY start ORDER BY start`,
      params,
    ),
    ch.query<Sums & { unit_id: string }>(
      `SELECT unit_id, ${EK_SUMS} FROM rollup_ekinerja_due WHERE ${where} GROUP BY unit_id`,
      params,
    ),
    ch.query<Sums & { kind: "daily" | "monthly" }>(
      `SELECT kind, ${EK_SUMS} FROM rollup_ekinerja_due WHERE ${where} GROUP BY kind ORDER BY kind`,
      params,
    ),
    ch.query<{ not_employed: number; on_leave: number; outage: number }>(
      `SELECT sum(not_employed) AS not_employed, sum(on_leave) AS on_leave, sum(outage) AS outage FROM rollup_ekinerja_due WHERE ${where}`,
      params,
    ),
    // whole months (every preset) read the per-employee year rollup; a range cutting a month reads the entries
    ch.query<{ due: number; compliant: number }>(
      wholeMonths(period.current, today)
        ? `SELECT count() AS due, countIf(late = 0) AS compliant FROM (
             SELECT employee_id, sum(bitAnd(due_mask, ${MONTHS_IN_RANGE}) != 0) AS d, sum(bitAnd(late_mask, ${MONTHS_IN_RANGE}) != 0) AS late
             FROM rollup_ekinerja_employee_year
             WHERE year BETWEEN toYear({from:Date}) AND toYear({to:Date}) AND ${UNIT_FILTER} GROUP BY employee_id HAVING d > 0)`
        : `SELECT count() AS due, countIf(all_on_time) AS compliant FROM (
             SELECT employee_id, min(state = 'on_time') AS all_on_time FROM fact_ekinerja_due WHERE due = 1 AND ${where} GROUP BY employee_id)`,
      params,
    ),
  ]);
  const e = employees[0] ?? { due: 0, compliant: 0 };
  return {
    bucket,
    overTime: overTime.map((r) => ({
      start: r.start,
      partial: bucketPartial(bucket, r.start, period.current),
      ...ekinerjaCounts(r),
    })),
    byUnit: byUnit
      .map((r) => ({ unitId: r.unit_id, ...ekinerjaCounts(r) }))
      .sort((x, y) => (y.fillRate ?? -1) - (x.fillRate ?? -1) || x.unitId.localeCompare(y.unitId)),
    byKind: byKind.map((r) => ({ kind: r.kind, ...ekinerjaCounts(r) })),
    employees: {
      due: Number(e.due),
      fullyCompliant: Number(e.compliant),
      share: ratio(Number(e.compliant), Number(e.due)),
    },
    notDue: {
      notEmployed: Number(notDue[0]?.not_employed ?? 0),
      leave: Number(notDue[0]?.on_leave ?? 0),
      outage: Number(notDue[0]?.outage ?? 0),
    },
  };
}
