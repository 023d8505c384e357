// e-Kinerja entries (BKN e-Kinerja; PermenPAN-RB 6/2022 on ASN performance management): which were due,
// and of those which were made on time, late, or not at all. The one owner of "due": the ETL classifies
// every entry with these rules (etl/load/ekinerja-due.ts runs them in ClickHouse and is checked against
// `classifyEntry` case by case), and the dashboards, the compliance list, an employee's page, the exports
// and the public report only add up what it wrote.
//
// Not due, so never counted against anyone:
// - outside employment: before the appointment (TMT) or from the retirement day on;
// - on a day the attendance says was not due (leave, study duty, a day off; attendance.ts) for a daily log,
//   or in a month without one due day for the monthly realisation;
// - in an outage HR recorded with the effect EXCUSE. An outage with the effect EXTEND moves the deadline of
//   the entries due in it by its working days instead: the network or BKN's server being down, or SIMPEG data
//   errors keeping the employee out of the system, is not skipping (the source articles name all three).
import type { EntryState } from "./fill-rate";
import { dayNumber, dayOfDate } from "./working-days";

export type { EntryState } from "./fill-rate";
export type EntryKind = "monthly" | "daily";
export type NotDueReason = "not_employed" | "leave" | "outage";
export const NOT_DUE_REASONS: readonly NotDueReason[] = ["not_employed", "leave", "outage"];

/** Employed on `day`: from the appointment day, up to the day before retirement. */
export function employedOn(appointedDay: number, retiredDay: number | null, day: number): boolean {
  return day >= appointedDay && (retiredDay === null || day < retiredDay);
}

/** Employed on at least one day of [first, last] (a month, for the monthly realisation). */
export function employedWithin(appointedDay: number, retiredDay: number | null, first: number, last: number): boolean {
  return last >= appointedDay && (retiredDay === null || first < retiredDay);
}

/**
 * The filling deadline (Batas Pengisian), as a day number: a daily log within `dailyGraceDays` working days
 * of its day; a monthly realisation by day `monthlyDay` of the following month (the month's last day when
 * shorter). Both are the region's settings (Pengaturan), as BKN's deadlines are set per instansi.
 */
export function entryDeadline(
  calendar: Calendar,
  rules: { monthlyDay: number; dailyGraceDays: number },
  kind: EntryKind,
  period: string,
): number {
  if (kind === "daily") return calendar.addWorkingDays(dayNumber(period), rules.dailyGraceDays);
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)); // the deadline falls in the following month
  const next = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(rules.monthlyDay, last));
  return dayOfDate(next);
}

/** On time when made by the deadline's local day; late after it; missing when not made. */
export function entryState(submittedDay: number | null, deadline: number): EntryState {
  if (submittedDay === null) return "missing";
  return submittedDay <= deadline ? "on_time" : "late";
}

export interface OutageSpan {
  startsOn: number;
  endsOn: number;
  effect: "EXTEND" | "EXCUSE";
  /** Units it covers (a unit's sub-units included); empty: the whole region. */
  unitIds: readonly string[];
}

interface Calendar {
  addWorkingDays(from: number, n: number): number;
  workingDaysBetween(from: number, to: number): number;
}

/** An outage's length in working days (at least one: an outage over a weekend still moves a deadline in it). */
export function outageWorkingDays(o: Pick<OutageSpan, "startsOn" | "endsOn">, calendar: Calendar): number {
  return Math.max(1, calendar.workingDaysBetween(o.startsOn - 1, o.endsOn));
}

/**
 * What the outages do to an entry with this deadline in a unit (`unitPath`: the unit and its ancestors):
 * one that excuses wins; otherwise the longest extension among those the deadline falls in.
 */
export function outageEffect(
  deadline: number,
  unitPath: readonly string[],
  outages: readonly OutageSpan[],
  calendar: Calendar,
): { excused: boolean; deadline: number } {
  let moved = deadline;
  for (const o of outages) {
    if (deadline < o.startsOn || deadline > o.endsOn) continue;
    if (o.unitIds.length > 0 && !o.unitIds.some((u) => unitPath.includes(u))) continue;
    if (o.effect === "EXCUSE") return { excused: true, deadline };
    moved = Math.max(moved, calendar.addWorkingDays(deadline, outageWorkingDays(o, calendar)));
  }
  return { excused: false, deadline: moved };
}

export interface EntryFacts {
  kind: EntryKind;
  /** The day (daily log) or the first day of the month (monthly realisation). */
  period: number;
  /** The month's last day, for a monthly realisation. */
  periodEnd: number;
  submittedDay: number | null;
  appointedDay: number;
  retiredDay: number | null;
  /** Daily log: whether the attendance says its day was due (undefined: no attendance row that day). */
  dayDue?: boolean;
  /** Monthly realisation: the month's attendance rows on working days and how many were due. */
  month?: { days: number; dueDays: number };
  /** The outages' effect on this entry's deadline (`outageEffect`). */
  outage: { excused: boolean; deadline: number };
}

export interface EntryClass {
  due: boolean;
  reason: NotDueReason | null;
  /** The deadline that applies (moved by an outage). */
  deadline: number;
  state: EntryState;
}

export function classifyEntry(e: EntryFacts): EntryClass {
  const deadline = e.outage.deadline;
  const state = entryState(e.submittedDay, deadline);
  const employed =
    e.kind === "daily"
      ? employedOn(e.appointedDay, e.retiredDay, e.period)
      : employedWithin(e.appointedDay, e.retiredDay, e.period, e.periodEnd);
  if (!employed) return { due: false, reason: "not_employed", deadline, state };
  const onLeave =
    e.kind === "daily" ? e.dayDue === false : e.month !== undefined && e.month.days > 0 && e.month.dueDays === 0;
  if (onLeave) return { due: false, reason: "leave", deadline, state };
  if (e.outage.excused) return { due: false, reason: "outage", deadline, state };
  return { due: true, reason: null, deadline, state };
}
